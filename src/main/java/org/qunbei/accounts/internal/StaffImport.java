package org.qunbei.accounts.internal;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.qunbei.shared.StateConflictException;

/**
 * An uploaded staff file waiting for its preview to be accepted, then the record that it was:
 * applied once, by whom and when. The file itself is kept so that applying reads exactly what was
 * previewed.
 */
@Entity
@Table(name = "staff_import")
public class StaffImport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String fileName;

  @Basic(fetch = FetchType.LAZY)
  private byte[] content;

  private String planDigest;
  private String createdBy;
  private Instant createdAt;
  private String appliedBy;
  private Instant appliedAt;

  protected StaffImport() {}

  StaffImport(String fileName, byte[] content, String digest, String by, Instant at) {
    this.fileName = fileName;
    this.content = content.clone();
    this.planDigest = digest;
    this.createdBy = by;
    this.createdAt = at;
  }

  /** Accepts the preview: refused when it was accepted before or no longer says what it said. */
  void apply(String digestNow, String by, Instant at) {
    if (appliedAt != null) {
      throw new StateConflictException("staff.import.applied");
    }
    if (!planDigest.equals(digestNow)) {
      throw new StateConflictException("staff.import.stale");
    }
    this.appliedBy = by;
    this.appliedAt = at;
  }

  public Long id() {
    return id;
  }

  public String fileName() {
    return fileName;
  }

  byte[] content() {
    return content.clone();
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String appliedBy() {
    return appliedBy;
  }

  public Instant appliedAt() {
    return appliedAt;
  }

  public boolean applied() {
    return appliedAt != null;
  }
}
