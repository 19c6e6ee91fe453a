package org.qunbei.accounts.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A personal access token: who it acts for, until when, and only a hash of its secret. */
@Entity
@Table(name = "access_token")
class AccessToken {

  /** How often a token's last use is written down: not on every call. */
  static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String username;
  private String name;
  private String tokenHash;
  private String prefix;
  private Instant createdAt;
  private Instant expiresAt;
  private Instant lastUsedAt;
  private Instant revokedAt;

  protected AccessToken() {}

  AccessToken(
      String username, String name, String hash, String prefix, Instant now, Instant until) {
    this.username = username;
    this.name = name;
    this.tokenHash = hash;
    this.prefix = prefix;
    this.createdAt = now;
    this.expiresAt = until;
  }

  boolean isUsableAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  /** Records a use; true when the row changed and must be saved. */
  boolean usedAt(Instant now) {
    if (lastUsedAt == null || lastUsedAt.plus(USE_RESOLUTION).isBefore(now)) {
      lastUsedAt = now;
      return true;
    }
    return false;
  }

  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  Long id() {
    return id;
  }

  String username() {
    return username;
  }

  String name() {
    return name;
  }

  String prefix() {
    return prefix;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  Instant lastUsedAt() {
    return lastUsedAt;
  }

  Instant revokedAt() {
    return revokedAt;
  }
}
