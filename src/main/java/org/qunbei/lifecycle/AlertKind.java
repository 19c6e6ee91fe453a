package org.qunbei.lifecycle;

/** What a sweep found. */
public enum AlertKind {
  /** A short-term group past its dissolve-by day, with no dissolution report. */
  DISSOLVE_BY_PASSED,
  /** A change filing not filed within 5 working days of the change. */
  CHANGE_OVERDUE,
  /** A step that has waited longer than the configured number of working days. */
  STEP_STALLED,
  /** A person of a group's team (owner, admin, steward) left the school. */
  MEMBER_DEPARTED
}
