package org.qunbei.accounts.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.qunbei.shared.Violations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The school's password rules, one of two presets ({@code qunbei.security.password-policy}):
 *
 * <ul>
 *   <li>{@code mlps} (default, what a level-3 assessment, 等保三级, asks for): at least 8 characters,
 *       three of the four kinds, none of the last 5 passwords, changed every 90 days;
 *   <li>{@code asvs} (OWASP ASVS 4 §2.1): at least 12 characters, no composition rule, not a
 *       commonly used password, no forced rotation (rotation makes people pick weaker ones).
 * </ul>
 *
 * Both refuse a password containing the username. Every rule a password breaks is named at once.
 * docs/security.md writes down why the two differ.
 */
@Component
class PasswordPolicy {

  static final int MAX_LENGTH = 128;

  /** What bcrypt hashes of a password (UTF-8 bytes); it refuses to hash a longer one. */
  static final int MAX_BYTES = 72;

  enum Preset {
    MLPS(8, 3, 5, Duration.ofDays(90), false),
    ASVS(12, 0, 1, null, true);

    final int minLength;
    final int kinds;

    /** How many of the latest passwords, the current one included, may not be chosen again. */
    final int history;

    final Duration maxAge;
    final boolean blocklist;

    Preset(int minLength, int kinds, int history, Duration maxAge, boolean blocklist) {
      this.minLength = minLength;
      this.kinds = kinds;
      this.history = history;
      this.maxAge = maxAge;
      this.blocklist = blocklist;
    }
  }

  private final Preset preset;
  private final Set<String> common;

  PasswordPolicy(@Value("${qunbei.security.password-policy:mlps}") String preset) {
    this.preset = Preset.valueOf(preset.strip().toUpperCase(Locale.ROOT));
    this.common = this.preset.blocklist ? commonPasswords() : Set.of();
  }

  Preset preset() {
    return preset;
  }

  /** How many passwords of the person's own are kept to refuse again (0: none). */
  int history() {
    return preset.history;
  }

  /** When the password must be changed, if the preset rotates passwords at all. */
  Optional<Duration> maxAge() {
    return Optional.ofNullable(preset.maxAge);
  }

  boolean expired(Instant changedAt, Instant now) {
    return preset.maxAge != null
        && changedAt != null
        && changedAt.plus(preset.maxAge).isBefore(now);
  }

  /** The message key of the rules as the password page states them. */
  String rulesKey() {
    return "password.rules." + preset.name().toLowerCase(Locale.ROOT);
  }

  Violations check(String username, String password, String field) {
    var v = new Violations();
    String p = password == null ? "" : password;
    if (p.length() < preset.minLength) {
      v.add(field, "password.tooShort", preset.minLength);
    }
    if (p.length() > MAX_LENGTH) {
      v.add(field, "password.tooLong", MAX_LENGTH);
    } else if (p.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
      v.add(field, "password.tooManyBytes", MAX_BYTES);
    }
    int kinds = 0;
    kinds += p.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
    kinds += p.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
    kinds += p.chars().anyMatch(Character::isDigit) ? 1 : 0;
    kinds += p.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
    if (kinds < preset.kinds) {
      v.add(field, "password.kinds");
    }
    if (username != null && !p.isEmpty() && p.toLowerCase().contains(username.toLowerCase())) {
      v.add(field, "password.username");
    }
    if (common.contains(p.toLowerCase(Locale.ROOT))) {
      v.add(field, "password.common");
    }
    return v;
  }

  /** Passwords people pick first, Chinese habits included; shipped, never fetched. */
  private static Set<String> commonPasswords() {
    try (var in = new ClassPathResource("accounts/common-passwords.txt").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(s -> !s.isEmpty() && !s.startsWith("#"))
          .map(s -> s.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
