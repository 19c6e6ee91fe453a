package org.qunbei.filing.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.filing.ChangeRequest;
import org.qunbei.filing.DissolutionRequest;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingService;
import org.qunbei.filing.FormDiff;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.system.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of a group's history: starting a change filing from the filed version, reporting the
 * group dissolved, the list of versions, and any two of them side by side with every changed field
 * marked.
 */
@Controller
class VersionPages {

  private final FilingService service;
  private final FilingViews views;
  private final Messages messages;

  VersionPages(FilingService service, FilingViews views, Messages messages) {
    this.service = service;
    this.views = views;
    this.messages = messages;
  }

  /** A refused start comes back to the filing's page with the problems and what was typed. */
  @PostMapping("/filings/{id}/changes")
  String startChange(
      CurrentUser user,
      @PathVariable long id,
      @RequestParam(required = false) String changedOn,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    LocalDate on = date(changedOn);
    try {
      Filing change = service.startChange(user, id, new ChangeRequest(on, reason));
      redirect.addFlashAttribute("notice", messages.text("change.started"));
      return "redirect:/filings/" + change.id() + "/edit";
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute(
          "changeErrors",
          unreadableDate(e, "changedOn", changedOn, on, "filing.change.changedOn.invalid"));
      redirect.addFlashAttribute("changedOn", changedOn);
      redirect.addFlashAttribute("changeReason", reason);
      return "redirect:/filings/" + id + "#change";
    }
  }

  /** A refused report comes back to the filing's page with the problems and what was typed. */
  @PostMapping("/filings/{id}/dissolution")
  String reportDissolution(
      CurrentUser user,
      @PathVariable long id,
      @RequestParam(required = false) String dissolvedOn,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    LocalDate on = date(dissolvedOn);
    try {
      service.reportDissolution(user, id, new DissolutionRequest(on, reason));
      redirect.addFlashAttribute("notice", messages.text("dissolution.reported"));
      return "redirect:/filings/" + id;
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute(
          "dissolutionErrors",
          unreadableDate(
              e, "dissolvedOn", dissolvedOn, on, "filing.dissolution.dissolvedOn.invalid"));
      redirect.addFlashAttribute("dissolvedOn", dissolvedOn);
      redirect.addFlashAttribute("dissolutionReason", reason);
      return "redirect:/filings/" + id + "#dissolution";
    }
  }

  /**
   * The problems of a refused form; the rules saw no date where the reader typed one that is not a
   * date, and the reader is told so.
   */
  private List<Messages.FieldMessage> unreadableDate(
      InvalidInputException e, String field, String typed, LocalDate parsed, String code) {
    boolean unreadable = parsed == null && typed != null && !typed.isBlank();
    return messages.fieldMessages(e.violations()).stream()
        .map(
            m ->
                unreadable && m.field().equals(field)
                    ? new Messages.FieldMessage(field, messages.text(code, typed))
                    : m)
        .toList();
  }

  @GetMapping("/filings/{id}/versions")
  String versions(CurrentUser user, @PathVariable long id, Model model) {
    List<Filing> all = service.versions(user, id);
    model.addAttribute("filing", service.get(user, id));
    model.addAttribute("versions", all);
    return "filing/versions";
  }

  @GetMapping("/filings/{id}/diff")
  String diff(
      CurrentUser user,
      @PathVariable long id,
      @RequestParam long from,
      @RequestParam(defaultValue = "false") boolean onlyChanged,
      Model model) {
    List<FormDiff.Row> rows = service.compare(user, id, from);
    model.addAttribute("to", service.get(user, id));
    model.addAttribute("from", service.get(user, from));
    model.addAttribute("onlyChanged", onlyChanged);
    model.addAttribute(
        "rows", views.rows(rows.stream().filter(r -> !onlyChanged || r.changed()).toList()));
    model.addAttribute("changedCount", rows.stream().filter(FormDiff.Row::changed).count());
    return "filing/diff";
  }

  /** An unreadable date is left for the rules to name, as an absent one. */
  private static LocalDate date(String text) {
    try {
      return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
