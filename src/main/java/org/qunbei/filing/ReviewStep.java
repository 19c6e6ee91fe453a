package org.qunbei.filing;

/** The steps of section 五, in the paper form's order. */
public enum ReviewStep {
  DEPARTMENT,
  CONFIDENTIALITY,
  CYBERSPACE_OFFICE,
  LEADER
}
