package org.qunbei.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the chain: the last event's place and hash, sealed so that nobody without the key can
 * move it back after cutting events off the end. One row; appending locks it.
 */
@Entity
@Table(name = "audit_head")
class AuditHead {

  static final int ID = 1;
  static final String GENESIS = "genesis";

  @Id private Integer id;
  private long seq;
  private String hash;
  private String seal;

  protected AuditHead() {}

  long seq() {
    return seq;
  }

  String hash() {
    return hash;
  }

  void advance(long newSeq, String newHash, AuditSeal key) {
    this.seq = newSeq;
    this.hash = newHash;
    this.seal = key.of(content(newSeq, newHash));
  }

  /** The untouched start, or a head whose seal matches. */
  boolean intact(AuditSeal key) {
    return (seq == 0 && GENESIS.equals(hash) && seal == null)
        || key.matches(content(seq, hash), seal);
  }

  private static String content(long seq, String hash) {
    return "head|" + seq + "|" + hash;
  }
}
