package org.qunbei.accounts;

/** The roles of the paper form's actors, plus the two that run and watch the system. */
public enum Role {
  APPLICANT,
  DEPARTMENT_HEAD,
  CONFIDENTIALITY_OFFICE,
  PARTY_OFFICE,
  CYBERSPACE_OFFICE,
  LEADER,
  ADMIN,
  AUDITOR
}
