package org.qunbei.lifecycle.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Role;
import org.qunbei.lifecycle.review.AnnualReview;
import org.qunbei.lifecycle.review.DepartmentProgress;
import org.qunbei.lifecycle.review.ReviewReport;
import org.qunbei.lifecycle.review.ReviewRound;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.system.Messages;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The annual review's pages: the office opens a round and watches every department's progress (a
 * table, a chart, the Excel report); a department sees its groups, confirms them one by one or all
 * at once, and goes to a group's page to change it or report it dissolved.
 */
@Controller
class ReviewPages {

  private final AnnualReview review;
  private final ReviewReport report;
  private final Messages messages;

  ReviewPages(AnnualReview review, ReviewReport report, Messages messages) {
    this.review = review;
    this.report = report;
    this.messages = messages;
  }

  @GetMapping("/reviews")
  String rounds(CurrentUser user, Model model) {
    List<ReviewRound> rounds = review.rounds();
    model.addAttribute("rounds", rounds);
    if (!rounds.isEmpty()) {
      return "redirect:/reviews/" + rounds.get(0).id();
    }
    model.addAttribute("office", user.has(Role.CYBERSPACE_OFFICE));
    return "lifecycle/reviews";
  }

  @PostMapping("/reviews")
  String open(
      CurrentUser user,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String deadline,
      Model model,
      RedirectAttributes redirect) {
    // Before the deadline is read: a refused caller must not get the office's form back.
    AnnualReview.requireOffice(user);
    try {
      ReviewRound round = review.open(user, title, date(deadline));
      redirect.addFlashAttribute("notice", messages.text("review.opened"));
      return "redirect:/reviews/" + round.id();
    } catch (InvalidInputException e) {
      model.addAttribute("errors", messages.fieldMessages(e.violations()));
      model.addAttribute("roundTitle", title);
      model.addAttribute("deadline", deadline);
      model.addAttribute("rounds", review.rounds());
      model.addAttribute("office", true);
      return "lifecycle/reviews";
    }
  }

  /** The office's view of a round, or a department's list of its groups. */
  @GetMapping("/reviews/{id}")
  String round(CurrentUser user, @PathVariable long id, Model model) {
    ReviewRound round = review.round(id);
    model.addAttribute("round", round);
    model.addAttribute("rounds", review.rounds());
    if (user.has(Role.CYBERSPACE_OFFICE)) {
      List<DepartmentProgress> progress = review.progress(user, id);
      model.addAttribute("progress", progress);
      model.addAttribute("office", true);
      return "lifecycle/review";
    }
    model.addAttribute("items", review.itemsOf(user, id));
    return "lifecycle/review-department";
  }

  @PostMapping("/reviews/{id}/close")
  String close(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
    review.close(user, id);
    redirect.addFlashAttribute("notice", messages.text("review.closedNotice"));
    return "redirect:/reviews/" + id;
  }

  /** Confirms the ticked groups with their member counts; a refusal keeps what was typed. */
  @PostMapping("/reviews/{id}/confirmations")
  String confirm(
      CurrentUser user,
      @PathVariable long id,
      @RequestParam Map<String, String> params,
      @RequestParam(name = "item", required = false) List<Long> ticked,
      Model model,
      RedirectAttributes redirect) {
    Map<Long, String> counts = new LinkedHashMap<>();
    for (Long item : ticked == null ? List.<Long>of() : ticked) {
      counts.put(item, params.get("members-" + item));
    }
    try {
      int n = review.confirm(user, id, counts);
      redirect.addFlashAttribute("notice", messages.text("review.confirmed", n));
      return "redirect:/reviews/" + id;
    } catch (InvalidInputException e) {
      model.addAttribute("errors", messages.fieldMessages(e.violations()));
      model.addAttribute("typed", params);
      model.addAttribute("ticked", ticked == null ? List.of() : ticked);
      model.addAttribute("round", review.round(id));
      model.addAttribute("rounds", review.rounds());
      model.addAttribute("items", review.itemsOf(user, id));
      return "lifecycle/review-department";
    }
  }

  @GetMapping("/reviews/{id}/report.xlsx")
  void excel(CurrentUser user, @PathVariable long id, HttpServletResponse response)
      throws IOException {
    ReviewRound round = review.round(id);
    List<DepartmentProgress> progress = review.progress(user, id);
    response.setContentType(ReviewReport.CONTENT_TYPE);
    response.setHeader(
        "Content-Disposition",
        ContentDisposition.attachment()
            .filename(messages.text("review.report.file", round.title()), StandardCharsets.UTF_8)
            .build()
            .toString());
    report.write(round, progress, response.getOutputStream());
  }

  private static LocalDate date(String text) {
    try {
      return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of("deadline", "review.deadline.invalid", text);
    }
  }
}
