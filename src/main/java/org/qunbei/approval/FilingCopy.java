package org.qunbei.approval;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A filing copied (抄送) to one person, who may read it from then on; read once they open its page.
 * The names are kept as they were at the time, as a decision keeps its decider's.
 */
@Entity
@Table(name = "filing_copy")
class FilingCopy {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long filingId;
  private String recipient;
  private String recipientName;
  private String copiedBy;
  private String copiedByName;
  private String note;
  private Instant copiedAt;
  private Instant readAt;

  protected FilingCopy() {}

  FilingCopy(
      Long filingId,
      String recipient,
      String recipientName,
      String copiedBy,
      String copiedByName,
      String note,
      Instant copiedAt) {
    this.filingId = filingId;
    this.recipient = recipient;
    this.recipientName = recipientName;
    this.copiedBy = copiedBy;
    this.copiedByName = copiedByName;
    this.note = note;
    this.copiedAt = copiedAt;
  }

  Long id() {
    return id;
  }

  String recipient() {
    return recipient;
  }

  String recipientName() {
    return recipientName;
  }

  String copiedByName() {
    return copiedByName;
  }

  Instant copiedAt() {
    return copiedAt;
  }

  Instant readAt() {
    return readAt;
  }
}
