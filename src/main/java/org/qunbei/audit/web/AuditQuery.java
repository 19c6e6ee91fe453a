package org.qunbei.audit.web;

import java.util.Map;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Role;
import org.qunbei.audit.AuditAction;
import org.qunbei.audit.AuditEvent;
import org.qunbei.audit.AuditTrail;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.InvalidInputException;
import org.springframework.data.domain.Page;

/** The trail's search as the page and the API take it: auditors only, fixed parameters. */
final class AuditQuery {

  private AuditQuery() {}

  static Page<AuditEvent> run(AuditTrail trail, CurrentUser user, Map<String, String> params) {
    requireAuditor(user);
    Long filing = number(params.get("filing"), "filing");
    String actor = blankToNull(params.get("actor"));
    String action = blankToNull(params.get("action"));
    if (action != null) {
      try {
        AuditAction.valueOf(action);
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of("action", "filing.invalidValue", "action");
      }
    }
    Long page = number(params.get("page"), "page");
    Long size = number(params.get("size"), "size");
    int p = page == null ? 0 : page.intValue();
    int s = size == null ? 50 : size.intValue();
    if (p < 0) {
      throw InvalidInputException.of("page", "query.page.invalid");
    }
    if (s < 1 || s > 100) {
      throw InvalidInputException.of("size", "query.size.invalid");
    }
    trail.recordRead(
        "filing="
            + (filing == null ? "" : filing)
            + " actor="
            + (actor == null ? "" : actor)
            + " action="
            + (action == null ? "" : action)
            + " page="
            + p);
    return trail.search(filing, actor, action, p, s);
  }

  static void requireAuditor(CurrentUser user) {
    if (!user.has(Role.AUDITOR)) {
      throw new ForbiddenException("audit.auditorOnly");
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
