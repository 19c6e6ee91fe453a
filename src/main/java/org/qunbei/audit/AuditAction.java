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
  IMPORTED,
  CALENDAR_LOADED,
  QR_CODE_ATTACHED,
  SUPERSEDED,
  DISSOLUTION_REPORTED
}
