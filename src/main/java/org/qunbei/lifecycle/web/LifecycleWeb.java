package org.qunbei.lifecycle.web;

import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.lifecycle.Alert;
import org.qunbei.lifecycle.AlertKind;
import org.qunbei.lifecycle.Alerts;
import org.qunbei.lifecycle.Urging;
import org.qunbei.system.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The urge button of a filing's page, and the list of open alerts ({@code /lifecycle/alerts}). */
@Controller
class LifecycleWeb {

  private final Urging urging;
  private final Alerts alerts;
  private final Messages messages;

  LifecycleWeb(Urging urging, Alerts alerts, Messages messages) {
    this.urging = urging;
    this.alerts = alerts;
    this.messages = messages;
  }

  @PostMapping("/filings/{id}/urge")
  String urge(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
    urging.urge(user, id);
    redirect.addFlashAttribute("notice", messages.text("urge.sent"));
    return "redirect:/filings/" + id;
  }

  @GetMapping("/lifecycle/alerts")
  String alertsPage(CurrentUser user, Model model) {
    model.addAttribute("alerts", views(user));
    return "lifecycle/alerts";
  }

  List<AlertView> views(CurrentUser user) {
    return alerts.open(user).stream().map(a -> new AlertView(a, text(a))).toList();
  }

  /** What the alert says, in the reader's language. */
  private String text(Alert a) {
    String[] parts = a.detail() == null ? new String[] {""} : a.detail().split("\\|", 2);
    Object[] args =
        a.kind() == AlertKind.STEP_STALLED && parts.length == 2
            ? new Object[] {messages.text("ReviewStep." + parts[0]), parts[1]}
            : new Object[] {a.detail()};
    return messages.text("alerts.detail." + a.kind().name(), args);
  }

  record AlertView(
      long id,
      AlertKind kind,
      long filingId,
      String number,
      String groupName,
      String departmentCode,
      String text,
      java.time.Instant raisedAt) {
    AlertView(Alert a, String text) {
      this(
          a.id(),
          a.kind(),
          a.filingId(),
          a.number(),
          a.groupName(),
          a.departmentCode(),
          text,
          a.raisedAt());
    }
  }
}
