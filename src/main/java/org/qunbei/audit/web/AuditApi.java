package org.qunbei.audit.web;

import java.util.List;
import java.util.Map;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.audit.AuditEvent;
import org.qunbei.audit.AuditTrail;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditor reads the trail; nothing here or anywhere changes it. */
@RestController
class AuditApi {

  private final AuditTrail trail;
  private final org.qunbei.audit.AuditCheckpointing checkpoints;
  private final org.qunbei.system.Messages messages;
  private final org.qunbei.filing.FilingService filings;

  AuditApi(
      AuditTrail trail,
      org.qunbei.audit.AuditCheckpointing checkpoints,
      org.qunbei.system.Messages messages,
      org.qunbei.filing.FilingService filings) {
    this.filings = filings;
    this.trail = trail;
    this.checkpoints = checkpoints;
    this.messages = messages;
  }

  /**
   * The chain's signed checkpoints and links for the offline check ({@code java
   * tools/VerifyAuditExport.java --key audit-key.pem export.txt}); a plain-text download.
   */
  @GetMapping(value = "/api/audit/export", produces = "text/plain;charset=UTF-8")
  void exportChain(CurrentUser user, jakarta.servlet.http.HttpServletResponse response)
      throws java.io.IOException {
    AuditQuery.requireAuditor(user);
    trail.recordRead("export");
    response.setContentType("text/plain;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"qunbei-audit-export.txt\"");
    checkpoints.export(response.getWriter());
  }

  /** The public key that verifies the checkpoints, to be pinned by the auditor once. */
  @GetMapping(value = "/api/audit/key", produces = "text/plain;charset=UTF-8")
  String checkpointKey(CurrentUser user) {
    AuditQuery.requireAuditor(user);
    return checkpoints.publicKeyPem();
  }

  @GetMapping("/api/audit")
  EventPage events(CurrentUser user, @RequestParam Map<String, String> params) {
    AuditQuery.requireAuditor(user);
    AuditQuery q = AuditQuery.parse(params, n -> filings.idOfNumber(n).orElse(null));
    return EventPage.of(AuditQuery.run(trail, user, q));
  }

  @GetMapping("/api/audit/verify")
  Verification verify(CurrentUser user, @RequestParam long filing) {
    AuditQuery.requireAuditor(user);
    Long broken = trail.firstBroken(filing);
    return new Verification(filing, broken == null, broken);
  }

  record Verification(long filingId, boolean intact, Long firstBrokenEventId) {}

  /**
   * The whole trail as one chain: {@code { "intact", "events", "brokenAt", "problem" }}, the
   * problem one of edited, missing, reordered, beyond, cut, head — and a sentence saying it.
   */
  @GetMapping("/api/audit/chain")
  ChainBody chain(CurrentUser user) {
    AuditQuery.requireAuditor(user);
    var check = trail.verifyChain();
    return new ChainBody(
        check.intact(),
        check.events(),
        check.brokenAt(),
        check.problem(),
        check.intact()
            ? messages.text("audit.chain.intact", check.events())
            : messages.text("audit.chain." + check.problem(), check.brokenAt()));
  }

  record ChainBody(boolean intact, long events, Long brokenAt, String problem, String detail) {}

  record EventPage(List<EventView> content, long totalElements, int page, int size) {
    static EventPage of(Page<AuditEvent> p) {
      return new EventPage(
          p.getContent().stream().map(EventView::of).toList(),
          p.getTotalElements(),
          p.getNumber(),
          p.getSize());
    }
  }

  record EventView(
      Long id,
      java.time.Instant at,
      String actor,
      String actorRoles,
      String action,
      Long filingId,
      Long filingVersion,
      String address,
      String detail) {
    static EventView of(AuditEvent e) {
      return new EventView(
          e.id(),
          e.at(),
          e.actor(),
          e.actorRoles(),
          e.action(),
          e.filingId(),
          e.filingVersion(),
          e.address(),
          e.detail());
    }
  }
}
