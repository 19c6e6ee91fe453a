package org.qunbei.filing;

/** 建群目的; several may apply. */
public enum Purpose {
  DAILY_WORK,
  SPECIAL_PROJECT,
  CROSS_DEPARTMENT,
  BUSINESS_LIAISON,
  INFORMATION_DISSEMINATION,
  EMERGENCY_CONTACT,
  OTHER
}
