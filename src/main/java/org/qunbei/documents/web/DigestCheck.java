package org.qunbei.documents.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qunbei.documents.DigestSection;
import org.qunbei.documents.PrintDigest;

/**
 * The digests a reader brought (in the QR link or typed off the paper) held against the filing's
 * current ones.
 *
 * @param typed what came, by parameter, to show again in the form
 * @param whole whether the whole digest matches, null when none came
 * @param sections per section typed, whether it matches
 * @param errors by parameter, the message code of a value that is not a digest at all
 */
public record DigestCheck(
    Map<String, String> typed,
    Boolean whole,
    Map<DigestSection, Boolean> sections,
    Map<String, String> errors) {

  static final String WHOLE = "d";

  static DigestCheck of(PrintDigest current, Map<String, String> params) {
    Map<String, String> typed = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    Boolean whole = null;
    String d = params.get(WHOLE);
    if (d != null && !d.isBlank()) {
      typed.put(WHOLE, d.strip());
      whole = current.matchesWhole(d).orElse(null);
      if (whole == null) {
        errors.put(WHOLE, "verify.digest.invalid");
      }
    }
    Map<DigestSection, Boolean> sections = new EnumMap<>(DigestSection.class);
    for (DigestSection s : DigestSection.values()) {
      String v = params.get(s.param());
      if (v != null && !v.isBlank()) {
        typed.put(s.param(), v.strip());
        current
            .matchesSection(s, v)
            .ifPresentOrElse(
                same -> sections.put(s, same),
                () -> errors.put(s.param(), "verify.digest.sectionInvalid"));
      }
    }
    return new DigestCheck(typed, whole, sections, errors);
  }

  /** The sections typed whose digests differ, in the paper's order. */
  public List<DigestSection> differing() {
    return sections.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
  }

  public String typedOf(String param) {
    return typed.getOrDefault(param, "");
  }
}
