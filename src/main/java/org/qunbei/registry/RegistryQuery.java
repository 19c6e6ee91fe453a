package org.qunbei.registry;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.GroupType;
import org.qunbei.shared.Violations;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A registry search as the list's query string states it. Parameters, sort fields and filter values
 * come only from fixed sets; anything else is refused (400) rather than passed on to a query.
 */
public record RegistryQuery(
    String text,
    String department,
    GroupType type,
    FilingStatus status,
    Pageable pageable,
    RegistryCursor after) {

  /** API sort names and the attribute each sorts by. */
  static final Map<String, String> SORTS = sorts();

  static final int MAX_SIZE = 100;

  /**
   * The query string's parameters, each with what it does: what {@link #parse} accepts (besides
   * what any page carries, {@code QueryParameters}) and what the API document lists for {@code GET
   * /api/filings} and its export, from this one place.
   */
  public static final Map<String, String> PARAMETERS_EXPLAINED = explained();

  /** The parameters that page a list: an export takes every line, so they do not apply to it. */
  public static final Set<String> PAGING = Set.of("page", "size", "after");

  static final Set<String> PARAMETERS = PARAMETERS_EXPLAINED.keySet();

  private static Map<String, String> explained() {
    var m = new LinkedHashMap<String, String>();
    m.put(
        "q",
        "Text found in the group's name, its group number or the filing number,"
            + " case-insensitive.");
    m.put("department", "A department's code, as the directory names it (e.g. CS).");
    m.put("type", "The group's platform: " + names(GroupType.values()) + ".");
    m.put(
        "status",
        "The filing's status: "
            + names(FilingStatus.values())
            + ". Without it, every status but SUPERSEDED (a group's earlier versions).");
    m.put(
        "sort",
        "field[,asc|desc], one of "
            + String.join(", ", SORTS.keySet().stream().sorted().toList())
            + "; by default updatedAt,desc (the id breaks ties).");
    m.put("page", "The page from 0 (default 0).");
    m.put("size", "Lines per page, 1 to " + MAX_SIZE + " (default 20).");
    m.put(
        "after",
        "The previous page's `next`: the page after its last line, however deep, without"
            + " counting again. Sorted by "
            + String.join(
                ", ",
                SORTS.keySet().stream()
                    .filter(k -> RegistryCursor.supports(SORTS.get(k)))
                    .sorted()
                    .toList())
            + ".");
    return java.util.Collections.unmodifiableMap(m);
  }

  private static String names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
  }

  private static Map<String, String> sorts() {
    var m = new LinkedHashMap<String, String>();
    m.put("number", "number");
    m.put("groupName", "form.groupName");
    m.put("department", "form.departmentCode");
    m.put("type", "form.groupType");
    m.put("status", "status");
    m.put("memberCount", "form.memberCount");
    m.put("submittedAt", "submittedAt");
    m.put("updatedAt", "updatedAt");
    m.put("createdAt", "createdAt");
    return Map.copyOf(m);
  }

  public static RegistryQuery parse(Map<String, String> params) {
    var v = new Violations();
    org.qunbei.system.QueryParameters.refuseUnknown(params, PARAMETERS, v);
    GroupType type = parseEnum(v, "type", params.get("type"), GroupType.class);
    FilingStatus status = parseEnum(v, "status", params.get("status"), FilingStatus.class);
    int page =
        parseInt(v, "page", params.get("page"), 0, 0, Integer.MAX_VALUE, "query.page.invalid");
    int size = parseInt(v, "size", params.get("size"), 20, 1, MAX_SIZE, "query.size.invalid");
    Sort sort = parseSort(v, params.get("sort"));
    if (!v.has("page") && !org.qunbei.shared.Paging.reachable(page, size)) {
      v.add("page", "query.page.invalid");
    }
    RegistryCursor after = parseAfter(v, params.get("after"), sort);
    v.throwIfAny();
    return new RegistryQuery(
        blankToNull(params.get("q")),
        blankToNull(params.get("department")),
        type,
        status,
        PageRequest.of(page, size, sort),
        after);
  }

  /** The attribute the list is sorted by first. */
  String sortedBy() {
    return pageable.getSort().iterator().next().getProperty();
  }

  private static RegistryCursor parseAfter(Violations v, String raw, Sort sort) {
    if (raw == null || raw.isBlank() || sort.isUnsorted()) {
      return null;
    }
    String attribute = sort.iterator().next().getProperty();
    if (!RegistryCursor.supports(attribute)) {
      v.add("after", "query.after.sort");
      return null;
    }
    RegistryCursor cursor = RegistryCursor.decode(attribute, raw.strip());
    if (cursor == null) {
      v.add("after", "query.after.invalid");
    }
    return cursor;
  }

  private static Sort parseSort(Violations v, String raw) {
    if (raw == null || raw.isBlank()) {
      return Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"));
    }
    String[] parts = raw.split(",");
    String attribute = SORTS.get(parts[0].strip());
    boolean badDirection =
        parts.length > 2
            || (parts.length == 2
                && !Set.of("asc", "desc").contains(parts[1].strip().toLowerCase()));
    if (attribute == null || badDirection) {
      v.add(
          "sort",
          "query.sort.invalid",
          raw,
          String.join(", ", SORTS.keySet().stream().sorted().toList()));
      return Sort.unsorted();
    }
    boolean desc = parts.length == 2 && parts[1].strip().equalsIgnoreCase("desc");
    // Ties are broken by id in the same direction, so that one index (column, id) serves the sort
    // both ways (V32).
    return desc
        ? Sort.by(Sort.Order.desc(attribute), Sort.Order.desc("id"))
        : Sort.by(Sort.Order.asc(attribute), Sort.Order.asc("id"));
  }

  private static <E extends Enum<E>> E parseEnum(
      Violations v, String field, String raw, Class<E> type) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, raw.strip());
    } catch (IllegalArgumentException e) {
      String allowed =
          Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
      v.add(field, "filing.invalidEnum", label(field), raw, allowed);
      return null;
    }
  }

  private static int parseInt(
      Violations v, String field, String raw, int dflt, int min, int max, String code) {
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(raw.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    v.add(field, code);
    return dflt;
  }

  private static org.springframework.context.support.DefaultMessageSourceResolvable label(
      String field) {
    return new org.springframework.context.support.DefaultMessageSourceResolvable(
        new String[] {"field." + field}, field);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The same query on another page, for paging links. */
  public String queryString(int page) {
    var b =
        new StringBuilder("?page=").append(page).append("&size=").append(pageable.getPageSize());
    append(b, "q", text);
    append(b, "department", department);
    append(b, "type", type == null ? null : type.name());
    append(b, "status", status == null ? null : status.name());
    append(b, "sort", sortParameter());
    return b.toString();
  }

  /**
   * The link to the page after {@code page}: by its cursor where the list has one, so that a reader
   * who pages on and on is served from the index at any depth (a department's page 2000 by number
   * took half a second to seconds at 10^6, by cursor under 15 ms); the page's number goes along, so
   * the pager still says where the reader is.
   */
  public String nextQueryString(RegistryPage page) {
    var b = new StringBuilder(queryString(page.getNumber() + 1));
    append(b, "after", page.next());
    return b.toString();
  }

  /** The {@code sort} parameter that gives this query's order, or null for the default order. */
  private String sortParameter() {
    Sort.Order first = pageable.getSort().iterator().next();
    if (first.getProperty().equals("updatedAt") && first.isDescending()) {
      return null;
    }
    String name =
        SORTS.entrySet().stream()
            .filter(e -> e.getValue().equals(first.getProperty()))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    return name + "," + (first.isDescending() ? "desc" : "asc");
  }

  private static void append(StringBuilder b, String name, String value) {
    if (value != null) {
      b.append('&')
          .append(name)
          .append('=')
          .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
