package org.qunbei.audit;

/** What an audit event records. */
public enum AuditAction {
  DRAFT_CREATED,
  DRAFT_EDITED,
  SUBMITTED,
  WITHDRAWN,
  APPROVED,
  RETURNED,
  REJECTED,
  TRANSFERRED,
  COPIED,
  IMPORTED,
  CALENDAR_LOADED,
  QR_CODE_ATTACHED,
  SUPERSEDED,
  DISSOLUTION_REPORTED,
  ROLES_CHANGED,
  DIRECTORY_CHANGED,
  AUDIT_PURGED,
  /** The system administrator created, changed or deleted a group robot. */
  ROBOT_CHANGED,
  SIGN_IN,
  SIGN_IN_FAILED,
  LOCKED_OUT,
  DELEGATION_CREATED,
  DELEGATION_ENDED,
  TASK_DELEGATED,
  DELEGATED_TASK_RETURNED,
  DOCUMENT_DOWNLOADED,
  EXPORT_STARTED,
  EXPORT_DOWNLOADED,
  IMPORT_STARTED,
  SEAL_UPLOADED,
  AUDIT_READ;

  /** Reading or taking away, not changing: these do not move a filing's version. */
  boolean isAccess() {
    return ordinal() >= DOCUMENT_DOWNLOADED.ordinal();
  }
}
