package org.qunbei.audit.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Role;
import org.qunbei.audit.AuditAction;
import org.qunbei.audit.AuditEvent;
import org.qunbei.audit.AuditTrail;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.InvalidInputException;
import org.springframework.data.domain.Page;

/**
 * The trail's search as the page and the API take it: auditors only, fixed parameters — a filing by
 * its number (QB-2026-00017) or id, a person, an action, a period of days (school time, both ends
 * included), a page.
 */
record AuditQuery(
    String filing,
    Long filingId,
    String actor,
    String action,
    LocalDate from,
    LocalDate to,
    int page,
    int size) {

  private static final ZoneId SCHOOL = ZoneId.of("Asia/Shanghai");

  /**
   * The parameters {@link #parse} reads, each with what it does: any other is refused, and the API
   * document lists these.
   */
  static final Map<String, String> PARAMETERS_EXPLAINED = explained();

  private static Map<String, String> explained() {
    var m = new java.util.LinkedHashMap<String, String>();
    m.put("filing", "A filing's number (QB-2026-00017) or id.");
    m.put("actor", "Whose actions: a login name, exactly.");
    m.put(
        "action",
        "One kind of action: "
            + String.join(
                ", ", java.util.Arrays.stream(AuditAction.values()).map(Enum::name).toList())
            + ".");
    m.put("from", "The first day, yyyy-MM-dd in school time (Asia/Shanghai), included.");
    m.put("to", "The last day, yyyy-MM-dd in school time, included.");
    m.put("page", "The page from 0 (default 0).");
    m.put("size", "Events per page, 1 to 100 (default 50).");
    return java.util.Collections.unmodifiableMap(m);
  }

  static AuditQuery parse(
      Map<String, String> params, java.util.function.Function<String, Long> idOfNumber) {
    var unknown = new org.qunbei.shared.Violations();
    org.qunbei.system.QueryParameters.refuseUnknown(params, PARAMETERS_EXPLAINED.keySet(), unknown);
    unknown.throwIfAny();
    String filing = blankToNull(params.get("filing"));
    Long filingId = null;
    if (filing != null) {
      filingId = filing.chars().allMatch(Character::isDigit) ? number(filing, "filing") : null;
      if (filingId == null) {
        Long found = idOfNumber.apply(filing);
        filingId = found == null ? -1L : found; // an unknown number finds nothing
      }
    }
    String action = blankToNull(params.get("action"));
    if (action != null) {
      try {
        AuditAction.valueOf(action);
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of("action", "filing.invalidValue", "action");
      }
    }
    LocalDate from = date(params.get("from"), "from");
    LocalDate to = date(params.get("to"), "to");
    if (from != null && to != null && to.isBefore(from)) {
      throw InvalidInputException.of("to", "audit.period.reversed");
    }
    Long page = number(params.get("page"), "page");
    Long size = number(params.get("size"), "size");
    int p = page == null ? 0 : page.intValue();
    int s = size == null ? 50 : size.intValue();
    if (p < 0 || page != null && page > Integer.MAX_VALUE) {
      throw InvalidInputException.of("page", "query.page.invalid");
    }
    if (s < 1 || s > 100) {
      throw InvalidInputException.of("size", "query.size.invalid");
    }
    return new AuditQuery(
        filing, filingId, blankToNull(params.get("actor")), action, from, to, p, s);
  }

  static Page<AuditEvent> run(AuditTrail trail, CurrentUser user, AuditQuery q) {
    requireAuditor(user);
    trail.recordRead(q.describe());
    return trail.search(
        q.filingId,
        q.actor,
        q.action,
        q.from == null ? null : q.from.atStartOfDay(SCHOOL).toInstant(),
        q.to == null ? null : q.to.plusDays(1).atStartOfDay(SCHOOL).toInstant(),
        q.page,
        q.size);
  }

  static void requireAuditor(CurrentUser user) {
    if (!user.has(Role.AUDITOR)) {
      throw new ForbiddenException("audit.auditorOnly");
    }
  }

  /** What the auditor asked, as the trail records the reading. */
  String describe() {
    return "filing="
        + orEmpty(filing)
        + " actor="
        + orEmpty(actor)
        + " action="
        + orEmpty(action)
        + " from="
        + orEmpty(from)
        + " to="
        + orEmpty(to)
        + " page="
        + page;
  }

  /** The same search on another page, for the paging links. */
  public String queryString(int page) {
    StringBuilder b = new StringBuilder("?page=").append(page).append("&size=").append(size);
    append(b, "filing", filing);
    append(b, "actor", actor);
    append(b, "action", action);
    append(b, "from", from);
    append(b, "to", to);
    return b.toString();
  }

  private static void append(StringBuilder b, String name, Object value) {
    if (value != null) {
      b.append('&')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
    }
  }

  private static String orEmpty(Object o) {
    return o == null ? "" : o.toString();
  }

  private static LocalDate date(String raw, String field) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(raw.strip());
      // A date no event can have (+999999999-12-31) would overflow the period's end: refused.
      if (date.getYear() < 1900 || date.getYear() > 9999) {
        throw InvalidInputException.of(field, "audit.date.invalid", field);
      }
      return date;
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(field, "audit.date.invalid", field);
    }
  }

  private static Long number(String raw, String field) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(raw.strip());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(field, "json.invalidNumber", field);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
