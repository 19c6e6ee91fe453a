package org.qunbei.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A printout's content digests, as printed: the whole (16 hex digits, 64 bits) and one per section
 * (8 hex digits), upper case. Typed ones are compared without case, spaces or dashes.
 */
public record PrintDigest(String whole, Map<DigestSection, String> sections) {

  static final int WHOLE = 16;
  static final int SECTION = 8;

  public PrintDigest {
    sections = Collections.unmodifiableMap(new EnumMap<>(sections));
  }

  /** As printed: 1A2B-3C4D-5E6F-7A8B. */
  public String wholeShown() {
    return grouped(whole);
  }

  /** As printed: 1A2B-3C4D. */
  public String sectionShown(DigestSection section) {
    return grouped(sections.get(section));
  }

  /** Whether a typed whole digest is this one; empty when what was typed is not a digest at all. */
  public Optional<Boolean> matchesWhole(String typed) {
    return normalize(typed, WHOLE).map(t -> same(t, whole));
  }

  public Optional<Boolean> matchesSection(DigestSection section, String typed) {
    return normalize(typed, SECTION).map(t -> same(t, sections.get(section)));
  }

  /** The hex digits of what was typed, if there are exactly {@code length} and nothing else. */
  static Optional<String> normalize(String typed, int length) {
    if (typed == null || typed.length() > 4 * length) {
      return Optional.empty();
    }
    String hex = typed.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
    return hex.matches("[0-9A-F]{" + length + "}") ? Optional.of(hex) : Optional.empty();
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  private static String grouped(String hex) {
    var b = new StringBuilder();
    for (int i = 0; i < hex.length(); i += 4) {
      b.append(i == 0 ? "" : "-").append(hex, i, Math.min(hex.length(), i + 4));
    }
    return b.toString();
  }
}
