package org.qunbei.audit.web;

import java.util.Map;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.audit.AuditAction;
import org.qunbei.audit.AuditCheckpointing;
import org.qunbei.audit.AuditTrail;
import org.qunbei.filing.FilingService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditor's page over the trail. */
@Controller
class AuditPage {

  private final AuditTrail trail;
  private final AuditCheckpointing checkpoints;
  private final FilingService filings;
  private final org.qunbei.system.Messages messages;

  AuditPage(
      AuditTrail trail,
      AuditCheckpointing checkpoints,
      FilingService filings,
      org.qunbei.system.Messages messages) {
    this.messages = messages;
    this.trail = trail;
    this.checkpoints = checkpoints;
    this.filings = filings;
  }

  @GetMapping("/audit")
  String page(
      CurrentUser user,
      @RequestParam Map<String, String> params,
      Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    AuditQuery.requireAuditor(user);
    // ?chain: check the whole chain now (it walks every event, so only when asked).
    boolean chain = params.remove("chain") != null;
    try {
      AuditQuery query = AuditQuery.parse(params, n -> filings.idOfNumber(n).orElse(null));
      model.addAttribute("page", AuditQuery.run(trail, user, query));
      model.addAttribute("query", query);
    } catch (org.qunbei.shared.InvalidInputException e) {
      // A period the wrong way round: said beside the form, which keeps what was typed.
      response.setStatus(400);
      model.addAttribute("errors", messages.fieldMessages(e.violations()));
      model.addAttribute("page", org.springframework.data.domain.Page.empty());
    }
    if (chain) {
      model.addAttribute("chain", trail.verifyChain());
    }
    model.addAttribute("base", "/audit");
    model.addAttribute("params", params);
    model.addAttribute("actions", AuditAction.values());
    model.addAttribute("keyId", checkpoints.keyId());
    return "audit/list";
  }
}
