package org.qunbei.shared;

/**
 * Someone read or took away something the assessment wants on record — a printed form, an export,
 * an upload, the trail itself. Any module publishes it; the audit trail records who, when, from
 * where. {@code filingId} may be null.
 */
public record Accessed(Kind kind, Long filingId, String detail) {

  public enum Kind {
    DOCUMENT_DOWNLOADED,
    EXPORT_STARTED,
    EXPORT_DOWNLOADED,
    IMPORT_STARTED,
    SEAL_UPLOADED,
    AUDIT_READ
  }
}
