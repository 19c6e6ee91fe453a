package org.qunbei.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.qunbei.shared.crypto.SigningKey;

/**
 * A signed statement "the chain reached event {@code seq}, whose hash is {@code headHash}, at this
 * time". Whoever holds only the public key can check it, and a trail rewritten later cannot match a
 * checkpoint that was exported before.
 */
@Entity
@Table(name = "audit_checkpoint")
public class AuditCheckpoint {

  /** The version of the signed text; the offline verifier builds the same line. */
  static final String FORMAT = "qunbei-audit-checkpoint|1";

  @Id private Long seq;
  private String headHash;
  private Instant madeAt;
  private String algorithm;
  private String keyId;
  private String signature;

  protected AuditCheckpoint() {}

  AuditCheckpoint(long seq, String headHash, Instant madeAt, SigningKey key) {
    this.seq = seq;
    this.headHash = headHash;
    this.madeAt = madeAt.truncatedTo(ChronoUnit.MICROS);
    this.algorithm = key.algorithm().label();
    this.keyId = key.keyId();
    this.signature = Base64.getEncoder().encodeToString(key.sign(signed()));
  }

  /** What the signature covers: format, place, hash and time, one line. */
  byte[] signed() {
    return (FORMAT + "|" + seq + "|" + headHash + "|" + madeAt).getBytes(StandardCharsets.UTF_8);
  }

  boolean verifies(SigningKey key) {
    return key.keyId().equals(keyId)
        && SigningKey.verify(
            key.algorithm(), key.publicKeyDer(), signed(), Base64.getDecoder().decode(signature));
  }

  public long seq() {
    return seq;
  }

  public String headHash() {
    return headHash;
  }

  public Instant madeAt() {
    return madeAt;
  }

  public String algorithm() {
    return algorithm;
  }

  public String keyId() {
    return keyId;
  }

  public String signature() {
    return signature;
  }
}
