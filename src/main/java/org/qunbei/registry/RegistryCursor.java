package org.qunbei.registry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.GroupType;

/**
 * Where the next page of a long list begins: the sort value and id of the last line shown ({@code
 * after=} in the API, {@code next} in its answer). The next page is then read from the sort's index
 * right after that line (keyset paging) instead of skipping every line before it: page 2,000 costs
 * what page 1 does. Offered for the sorts whose column is never empty — the default (updatedAt),
 * department, type, status, and the group's name (stored empty when a draft has none); the others
 * page by number.
 */
record RegistryCursor(Comparable<?> value, long id) {

  private record Keyset(
      Function<String, Comparable<?>> parse, Function<RegistryEntry, Comparable<?>> read) {}

  private static final Map<String, Keyset> KEYSETS =
      Map.of(
          "updatedAt",
          new Keyset(Instant::parse, RegistryEntry::updatedAt),
          "form.departmentCode",
          new Keyset(s -> s, RegistryEntry::departmentCode),
          "form.groupType",
          new Keyset(GroupType::valueOf, RegistryEntry::groupType),
          "status",
          new Keyset(FilingStatus::valueOf, RegistryEntry::status),
          // An unnamed draft's name is stored empty (filing.NamedOrEmpty): every database sorts
          // it first, so the name can be a cursor too.
          "form.groupName",
          new Keyset(s -> s, e -> e.groupName() == null ? "" : e.groupName()));

  static boolean supports(String attribute) {
    return KEYSETS.containsKey(attribute);
  }

  /**
   * The cursor {@link #encode} gave for a list sorted by {@code attribute}; null if it is not one.
   */
  static RegistryCursor decode(String attribute, String raw) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
      int cut = text.lastIndexOf('\n');
      return new RegistryCursor(
          KEYSETS.get(attribute).parse().apply(text.substring(0, cut)),
          Long.parseLong(text.substring(cut + 1)));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The cursor of the page after the one ending with {@code last}. */
  static String after(String attribute, RegistryEntry last) {
    Comparable<?> value = KEYSETS.get(attribute).read().apply(last);
    String text = (value instanceof Enum<?> e ? e.name() : value.toString()) + "\n" + last.id();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
