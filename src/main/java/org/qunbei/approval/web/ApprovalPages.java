package org.qunbei.approval.web;

import org.qunbei.accounts.CurrentUser;
import org.qunbei.approval.ApprovalService;
import org.qunbei.approval.DecisionKind;
import org.qunbei.approval.DecisionRequest;
import org.qunbei.approval.Inbox;
import org.qunbei.approval.OpinionBook;
import org.qunbei.approval.OpinionRequest;
import org.qunbei.approval.TransferRequest;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.shared.StaleVersionException;
import org.qunbei.shared.StateConflictException;
import org.qunbei.system.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The approver's inbox and the decision form's target. */
@Controller
class ApprovalPages {

  private final ApprovalService approvals;
  private final Inbox inbox;
  private final Messages messages;
  private final OpinionBook opinions;

  ApprovalPages(ApprovalService approvals, Inbox inbox, Messages messages, OpinionBook opinions) {
    this.approvals = approvals;
    this.inbox = inbox;
    this.messages = messages;
    this.opinions = opinions;
  }

  @GetMapping("/tasks")
  String tasks(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("page", inbox.tasks(user, Math.max(page, 0), 20));
    return "approval/tasks";
  }

  @PostMapping("/filings/{id}/transfers")
  String transfer(
      CurrentUser user,
      @PathVariable long id,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) Long version,
      RedirectAttributes redirect) {
    try {
      approvals.transfer(user, id, new TransferRequest(to, reason), version);
      redirect.addFlashAttribute("notice", messages.text("approval.transferred"));
      return "redirect:/tasks";
    } catch (InvalidInputException | StateConflictException | StaleVersionException e) {
      redirect.addFlashAttribute("transferError", refusal(e));
    }
    redirect.addFlashAttribute("transferReason", reason);
    return "redirect:/filings/" + id + "#transfer";
  }

  @PostMapping("/filings/{id}/decisions")
  String decide(
      CurrentUser user,
      @PathVariable long id,
      @RequestParam(required = false) String decision,
      @RequestParam(required = false) String opinion,
      @RequestParam(required = false) Long version,
      @RequestParam(required = false) boolean saveOpinion,
      RedirectAttributes redirect) {
    try {
      approvals.decide(user, id, new DecisionRequest(kindOf(decision), opinion), version);
      redirect.addFlashAttribute(
          "notice", messages.text("approval.decided") + (saveOpinion ? kept(user, opinion) : ""));
      return "redirect:/tasks";
    } catch (InvalidInputException | StateConflictException | StaleVersionException e) {
      redirect.addFlashAttribute("decisionError", refusal(e));
    }
    // Back to the filing with what the approver typed, so nothing is lost.
    redirect.addFlashAttribute("opinion", opinion);
    redirect.addFlashAttribute("decisionKind", decision);
    return "redirect:/filings/" + id + "#decide";
  }

  /**
   * "保存为常用意见" ticked: the opinion just given is kept as the approver's own; the decision stands
   * whether or not it can be kept (a blank one, one kept already, one too many), and the notice
   * says which.
   */
  private String kept(CurrentUser user, String opinion) {
    try {
      opinions.add(user, new OpinionRequest(opinion));
      return messages.text("approval.stockOpinion.keptToo");
    } catch (InvalidInputException | StateConflictException e) {
      return messages.text(
          "approval.stockOpinion.notKept",
          e instanceof InvalidInputException i
              ? messages.text(i.violations().list().get(0))
              : messages.text(((StateConflictException) e).code()));
    }
  }

  /** A posted choice that is not a decision counts as none (the service then says so). */
  private static DecisionKind kindOf(String decision) {
    try {
      return decision == null ? null : DecisionKind.valueOf(decision);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Why the service refused, in the user's words, to show beside the form. */
  private String refusal(RuntimeException e) {
    if (e instanceof InvalidInputException invalid) {
      return messages.text(invalid.violations().list().get(0));
    }
    if (e instanceof StateConflictException conflict) {
      return messages.text(conflict.code(), conflict.args());
    }
    return messages.text("problem.optimistic.detail");
  }
}
