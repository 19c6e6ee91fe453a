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

  /** Where the kept chain begins: 1 until retention removes the oldest events. */
  private long firstSeq = 1;

  /** The hash the first kept event names as its predecessor. */
  private String firstPrev = GENESIS;

  protected AuditHead() {}

  long firstSeq() {
    return firstSeq;
  }

  String firstPrev() {
    return firstPrev;
  }

  /** The chain now begins at {@code seq}, whose event names {@code prev} before it. */
  void startAt(long seq, String prev, AuditSeal key) {
    this.firstSeq = seq;
    this.firstPrev = prev;
    this.seal = key.of(content(this.seq, hash, seq, prev));
  }

  long seq() {
    return seq;
  }

  String hash() {
    return hash;
  }

  void advance(long newSeq, String newHash, AuditSeal key) {
    this.seal = sealAfter(newSeq, newHash, key);
    this.seq = newSeq;
    this.hash = newHash;
  }

  /** The seal the head has once it ends at {@code newSeq} with {@code newHash}. */
  String sealAfter(long newSeq, String newHash, AuditSeal key) {
    return sealOf(newSeq, newHash, firstSeq, firstPrev, key);
  }

  /** The seal of a head ending at {@code seq} with {@code hash}, its kept chain starting so. */
  static String sealOf(long seq, String hash, long firstSeq, String firstPrev, AuditSeal key) {
    return key.of(content(seq, hash, firstSeq, firstPrev));
  }

  /** The untouched start, or a head whose seal matches. */
  boolean intact(AuditSeal key) {
    return (seq == 0 && GENESIS.equals(hash) && seal == null)
        || key.matches(content(seq, hash, firstSeq, firstPrev), seal);
  }

  /** A head whose chain still starts at the first event is sealed as it was before retention. */
  private static String content(long seq, String hash, long firstSeq, String firstPrev) {
    String end = "head|" + seq + "|" + hash;
    return firstSeq == 1 ? end : end + "|from|" + firstSeq + "|" + firstPrev;
  }
}
