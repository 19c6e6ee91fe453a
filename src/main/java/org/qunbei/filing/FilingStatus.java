package org.qunbei.filing;

/**
 * Where a filing stands. SUPERSEDED: an earlier version of a group whose change filing was filed;
 * DISSOLVED: the group's last version once its dissolution report went through.
 */
public enum FilingStatus {
  DRAFT,
  IN_REVIEW,
  RETURNED,
  REJECTED,
  FILED,
  SUPERSEDED,
  DISSOLVED;

  /** Only the applicant's own copy can change: a draft or one returned for correction. */
  public boolean isEditable() {
    return this == DRAFT || this == RETURNED;
  }

  /** An active filing holds its group: no second one for the same platform and group number. */
  public boolean isActive() {
    return this == IN_REVIEW || this == RETURNED || this == FILED;
  }
}
