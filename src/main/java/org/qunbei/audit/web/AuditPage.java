package org.qunbei.audit.web;

import java.util.Map;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.audit.AuditAction;
import org.qunbei.audit.AuditTrail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditor's page over the trail. */
@Controller
class AuditPage {

  private final AuditTrail trail;

  AuditPage(AuditTrail trail) {
    this.trail = trail;
  }

  @GetMapping("/audit")
  String page(CurrentUser user, @RequestParam Map<String, String> params, Model model) {
    // ?chain: check the whole chain now (it walks every event, so only when asked).
    boolean chain = params.remove("chain") != null;
    model.addAttribute("page", AuditQuery.run(trail, user, params));
    if (chain) {
      model.addAttribute("chain", trail.verifyChain());
    }
    model.addAttribute("params", params);
    model.addAttribute("actions", AuditAction.values());
    return "audit/list";
  }
}
