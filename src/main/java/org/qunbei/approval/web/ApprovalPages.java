package org.qunbei.approval.web;

import java.util.ArrayList;
import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.approval.ApprovalService;
import org.qunbei.approval.BatchDecisions;
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

/** The approver's lists (待我审批 · 我已审批 · 我发起的) and the decision forms' targets. */
@Controller
class ApprovalPages {

  private static final int PAGE = 20;

  private final ApprovalService approvals;
  private final BatchDecisions batch;
  private final Inbox inbox;
  private final Messages messages;
  private final OpinionBook opinions;

  ApprovalPages(
      ApprovalService approvals,
      BatchDecisions batch,
      Inbox inbox,
      Messages messages,
      OpinionBook opinions) {
    this.approvals = approvals;
    this.batch = batch;
    this.inbox = inbox;
    this.messages = messages;
    this.opinions = opinions;
  }

  @GetMapping("/tasks")
  String tasks(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("page", inbox.tasks(user, Math.max(page, 0), PAGE));
    return "approval/tasks";
  }

  @GetMapping("/tasks/done")
  String done(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("page", inbox.decided(user, Math.max(page, 0), PAGE));
    return "approval/done";
  }

  @GetMapping("/tasks/started")
  String started(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("page", inbox.started(user, Math.max(page, 0), PAGE));
    return "approval/started";
  }

  /**
   * Batch approval from the inbox: the ticked rows, each {@code id:version} as the list showed it,
   * approved with one opinion. The inbox then says how many were approved and, for each refused,
   * which and why; the opinion is kept when nothing went through.
   */
  @PostMapping("/tasks/decisions")
  String decideAll(
      CurrentUser user,
      @RequestParam(name = "filings", required = false) List<String> ticked,
      @RequestParam(required = false) String opinion,
      RedirectAttributes redirect) {
    List<BatchDecisions.Item> items = new ArrayList<>();
    for (String t : ticked == null ? List.<String>of() : ticked) {
      items.add(item(t));
    }
    try {
      var outcomes = batch.decide(user, items, new DecisionRequest(DecisionKind.APPROVE, opinion));
      long approved = outcomes.stream().filter(BatchDecisions.Outcome::decided).count();
      if (approved > 0) {
        redirect.addFlashAttribute("notice", messages.text("approval.batch.done", approved));
      }
      var refused =
          outcomes.stream()
              .filter(o -> !o.decided())
              .map(o -> new Refused(o.id(), o.label(), o.detail()))
              .toList();
      if (!refused.isEmpty()) {
        redirect.addFlashAttribute("refused", refused);
        if (approved == 0) {
          redirect.addFlashAttribute("batchOpinion", opinion);
        }
      }
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("batchError", refusal(e));
      redirect.addFlashAttribute("batchOpinion", opinion);
    }
    return "redirect:/tasks";
  }

  /** A filing the batch left undecided, said on the inbox (kept in the session until shown). */
  record Refused(long id, String label, String detail) implements java.io.Serializable {}

  /** A ticked row: {@code 12:3} (filing 12 as read at version 3), or a bare id. */
  private static BatchDecisions.Item item(String ticked) {
    String[] parts = ticked.split(":", 2);
    return new BatchDecisions.Item(number(parts[0]), parts.length > 1 ? number(parts[1]) : null);
  }

  private static Long number(String s) {
    try {
      return Long.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
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
