package org.qunbei.documents;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verification codes for printouts: ten random characters (about 50 bits, no look-alike letters),
 * one per filing, made on its first printout and kept, so every copy carries the same mark.
 */
@Service
public class Verifications {

  static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  static final int LENGTH = 10;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  Verifications(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public String codeFor(long filingId) {
    return existing(filingId)
        .orElseGet(
            () -> {
              String code = newCode();
              try {
                jdbc.update(
                    "insert into verification_code (filing_id, code, created_at) values (?, ?, ?)",
                    filingId,
                    code,
                    Timestamp.from(clock.instant()));
                return code;
              } catch (DuplicateKeyException raced) {
                return existing(filingId).orElseThrow(() -> raced);
              }
            });
  }

  /** The filing a code stands for; codes are compared without case, spaces or dashes. */
  @Transactional(readOnly = true)
  public Optional<Long> filingOf(String code) {
    String normal = normalize(code);
    if (normal.length() != LENGTH) {
      return Optional.empty();
    }
    return jdbc
        .queryForList("select filing_id from verification_code where code = ?", Long.class, normal)
        .stream()
        .findFirst();
  }

  /**
   * The secret that keys this filing's printout digest ({@link PrintDigests}): 32 random bytes,
   * made on first use and kept, so every printout and every later check agree. It never leaves the
   * server: with it secret, a digest tells nothing about the content it covers (a masked mobile's
   * missing digits cannot be tried against the printed digest).
   */
  @Transactional
  public byte[] digestKey(long filingId) {
    Optional<String> key = storedKey(filingId);
    if (key.isEmpty()) {
      byte[] fresh = new byte[32];
      random.nextBytes(fresh);
      // Only where none is stored yet: of two first printouts at once, one key wins for both.
      jdbc.update(
          "update verification_code set digest_key = ? where filing_id = ? and digest_key is null",
          java.util.HexFormat.of().formatHex(fresh),
          filingId);
      key = storedKey(filingId);
    }
    return java.util.HexFormat.of()
        .parseHex(key.orElseThrow(() -> new IllegalStateException("no verification code")));
  }

  private Optional<String> storedKey(long filingId) {
    return jdbc
        .queryForList(
            "select digest_key from verification_code where filing_id = ?", String.class, filingId)
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  /** As printed: XXXX-XXXX-XX. */
  public static String display(String code) {
    return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
  }

  static String normalize(String code) {
    return code == null ? "" : code.toUpperCase().replaceAll("[^A-Z0-9]", "");
  }

  private Optional<String> existing(long filingId) {
    return jdbc
        .queryForList(
            "select code from verification_code where filing_id = ?", String.class, filingId)
        .stream()
        .findFirst();
  }

  private String newCode() {
    var b = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}
