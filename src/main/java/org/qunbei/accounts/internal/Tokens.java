package org.qunbei.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.shared.NotFoundException;
import org.qunbei.shared.StateConflictException;
import org.qunbei.shared.Violations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for scripts (API.md): {@code Authorization: Bearer qb_…}. A token is 32
 * random bytes, shown to its user once, at creation; only its SHA-256 is stored (the token is long
 * and random, so a fast hash is enough, and a call pays no password hash). Tokens expire, and their
 * user revokes them.
 */
@Service
@Transactional
class Tokens {

  static final int MAX_ACTIVE = 20;
  static final int MAX_DAYS = 365;
  static final int DEFAULT_DAYS = 90;
  static final int NAME_LENGTH = 50;

  private final AccessTokens tokens;
  private final Clock clock;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final SecureRandom random = new SecureRandom();

  Tokens(
      AccessTokens tokens,
      Clock clock,
      org.springframework.context.ApplicationEventPublisher events) {
    this.tokens = tokens;
    this.clock = clock;
    this.events = events;
  }

  /** A token as its owner sees it in the list: never its secret. */
  record TokenInfo(
      Long id,
      String name,
      String prefix,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt,
      Instant revokedAt,
      boolean active)
      implements java.io.Serializable {

    static TokenInfo of(AccessToken t, Instant now) {
      return new TokenInfo(
          t.id(),
          t.name(),
          t.prefix(),
          t.createdAt(),
          t.expiresAt(),
          t.lastUsedAt(),
          t.revokedAt(),
          t.isUsableAt(now));
    }
  }

  /** A new token with its secret: the only time the secret is shown. */
  record NewToken(TokenInfo info, String token) implements java.io.Serializable {}

  NewToken create(CurrentUser user, String name, String days) {
    var v = new Violations();
    String label = name == null ? "" : name.strip();
    if (label.isEmpty()) {
      v.add("name", "token.name.required");
    } else if (label.length() > NAME_LENGTH) {
      v.add("name", "token.name.tooLong", NAME_LENGTH);
    } else if (!org.qunbei.shared.Text.storable(label)) {
      v.add(
          "name",
          "json.unstorableText",
          new org.springframework.context.support.DefaultMessageSourceResolvable(
              new String[] {"field.name"}, "name"));
    }
    int valid = DEFAULT_DAYS;
    if (days != null && !days.isBlank()) {
      try {
        valid = Integer.parseInt(days.strip());
      } catch (NumberFormatException e) {
        valid = -1;
      }
      if (valid < 1 || valid > MAX_DAYS) {
        v.add("days", "token.days.invalid", MAX_DAYS);
      }
    }
    v.throwIfAny();
    Instant now = clock.instant();
    long active =
        tokens.findByUsernameOrderByCreatedAtDesc(user.username()).stream()
            .filter(t -> t.isUsableAt(now))
            .count();
    if (active >= MAX_ACTIVE) {
      throw new StateConflictException("token.tooMany", MAX_ACTIVE);
    }
    String secret = secret();
    AccessToken t =
        tokens.save(
            new AccessToken(
                user.username(),
                label,
                hash(secret),
                secret.substring(0, 8),
                now,
                now.plus(Duration.ofDays(valid))));
    // A token acts as its owner for months: who made it, when and which is on the trail.
    events.publishEvent(
        new org.qunbei.accounts.DirectoryChanged(
            user.username(),
            "access token created: " + t.prefix() + "… (" + label + ", " + valid + " days)",
            user.username()));
    return new NewToken(TokenInfo.of(t, now), secret);
  }

  @Transactional(readOnly = true)
  List<TokenInfo> list(CurrentUser user) {
    Instant now = clock.instant();
    return tokens.findByUsernameOrderByCreatedAtDesc(user.username()).stream()
        .map(t -> TokenInfo.of(t, now))
        .toList();
  }

  void revoke(CurrentUser user, long id) {
    AccessToken t =
        tokens
            .findByIdAndUsername(id, user.username())
            .orElseThrow(() -> new NotFoundException("token.notFound"));
    t.revoke(clock.instant());
    events.publishEvent(
        new org.qunbei.accounts.DirectoryChanged(
            user.username(), "access token revoked: " + t.prefix() + "…", user.username()));
  }

  /** The username a presented token acts for, if it is known, unrevoked and unexpired. */
  Optional<String> authenticate(String presented) {
    if (presented == null || !presented.startsWith("qb_") || presented.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return tokens
        .findByTokenHash(hash(presented))
        .filter(t -> t.isUsableAt(now))
        .map(
            t -> {
              t.usedAt(now); // written at commit when it changed, at most once a minute
              return t.username();
            });
  }

  private String secret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return "qb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
