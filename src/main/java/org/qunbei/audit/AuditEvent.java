package org.qunbei.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One recorded action. Its seal covers its own content, its place in the trail and the hash of the
 * event before it, so rewriting, removing, inserting or reordering a row behind the application's
 * back breaks the chain.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Instant at;
  private String actor;
  private String actorRoles;
  private String action;
  private Long filingId;
  private Long filingVersion;
  private String address;
  private String detail;
  private String hash;

  /** The place in the chain (null: written before the chain, sealed on its own). */
  private Long seq;

  private String prevHash;

  protected AuditEvent() {}

  AuditEvent(
      Instant at,
      String actor,
      String actorRoles,
      String action,
      Long filingId,
      Long filingVersion,
      String address,
      String detail,
      long seq,
      String prevHash,
      AuditSeal seal) {
    // Stored with microseconds on every database: hash what will be read back.
    this.at = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    this.actor = actor;
    this.actorRoles = actorRoles;
    this.action = action;
    this.filingId = filingId;
    this.filingVersion = filingVersion;
    this.address = address;
    this.detail = detail;
    this.seq = seq;
    this.prevHash = prevHash;
    this.hash = seal.of(content());
  }

  /**
   * Everything the seal covers, in a fixed order: for an event of the chain, its place and the hash
   * of the one before it as well.
   */
  String content() {
    String own = ownContent();
    return seq == null ? own : own + "|" + seq + "|" + prevHash;
  }

  private String ownContent() {
    return String.join(
        "|",
        at.toString(),
        actor,
        String.valueOf(actorRoles),
        action,
        String.valueOf(filingId),
        String.valueOf(filingVersion),
        String.valueOf(address),
        String.valueOf(detail));
  }

  boolean intact(AuditSeal seal) {
    return seal.matches(content(), hash);
  }

  public Long id() {
    return id;
  }

  public Instant at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public String actorRoles() {
    return actorRoles;
  }

  public String action() {
    return action;
  }

  public Long filingId() {
    return filingId;
  }

  public Long filingVersion() {
    return filingVersion;
  }

  public String address() {
    return address;
  }

  public String detail() {
    return detail;
  }

  public String hash() {
    return hash;
  }

  public Long seq() {
    return seq;
  }

  String prevHash() {
    return prevHash;
  }
}
