package org.qunbei.approval.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.approval.DelegationRequest;
import org.qunbei.approval.DelegationService;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.shared.StateConflictException;
import org.qunbei.system.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /account/delegations}: the page of a decider going away (委托). */
@Controller
class DelegationPages {

  private final DelegationService delegations;
  private final Messages messages;

  DelegationPages(DelegationService delegations, Messages messages) {
    this.delegations = delegations;
    this.messages = messages;
  }

  @GetMapping("/account/delegations")
  String page(CurrentUser user, Model model) {
    model.addAttribute("mayDelegate", delegations.mayDelegate(user));
    model.addAttribute("rows", delegations.rows(user));
    model.addAttribute("candidates", delegations.candidates(user));
    model.addAttribute("today", delegations.today());
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", java.util.Map.of());
    }
    return "approval/delegations";
  }

  @PostMapping("/account/delegations")
  String create(
      CurrentUser user,
      @RequestParam(required = false) String delegate,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      delegations.create(user, new DelegationRequest(delegate, from, to));
    } catch (InvalidInputException e) {
      // Refused: the page again, each reason beside its field and what was typed still there.
      var errors = new LinkedHashMap<String, String>();
      e.violations()
          .list()
          .forEach(v -> errors.merge(v.field(), messages.text(v), (a, b) -> a + " " + b));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", errors);
      model.addAttribute("delegate", delegate);
      model.addAttribute("from", from);
      model.addAttribute("to", to);
      return page(user, model);
    }
    redirect.addFlashAttribute("notice", messages.text("delegation.created"));
    return "redirect:/account/delegations";
  }

  @PostMapping("/account/delegations/{id}/cancel")
  String cancel(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
    try {
      delegations.cancel(user, id);
      redirect.addFlashAttribute("notice", messages.text("delegation.cancelled"));
    } catch (StateConflictException e) {
      // Ended meanwhile (its last day passed, or cancelled in another tab): say so, change nothing.
      redirect.addFlashAttribute("notice", messages.text(e.code(), e.args()));
    }
    return "redirect:/account/delegations";
  }
}
