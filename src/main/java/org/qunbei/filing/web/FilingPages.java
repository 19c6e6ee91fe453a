package org.qunbei.filing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.DepartmentInfo;
import org.qunbei.accounts.DepartmentKind;
import org.qunbei.accounts.Directory;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingAccess;
import org.qunbei.filing.FilingService;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.GroupQrCode;
import org.qunbei.filing.ReviewRouting;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.shared.StaleVersionException;
import org.qunbei.shared.Violations;
import org.qunbei.system.Messages;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The filing pages: new, edit, view, QR upload. A form that fails its checks is shown again with
 * everything typed and a Chinese message beside each field; a draft that saved but could not be
 * submitted stays saved.
 */
@Controller
class FilingPages {

  private final FilingService service;
  private final FilingViews views;
  private final Directory directory;
  private final Messages messages;
  private final ReviewRouting review;

  FilingPages(
      FilingService service,
      FilingViews views,
      Directory directory,
      Messages messages,
      ReviewRouting review) {
    this.service = service;
    this.views = views;
    this.directory = directory;
    this.messages = messages;
    this.review = review;
  }

  @GetMapping("/filings/new")
  String newForm(CurrentUser user, Model model) {
    requireApplicant(user);
    return form(model, user, FilingForm.empty(user.departmentCode()), null, new Violations(), null);
  }

  @PostMapping("/filings")
  String create(
      CurrentUser user,
      @ModelAttribute("form") FilingForm form,
      @RequestParam(defaultValue = "save") String action,
      Model model,
      RedirectAttributes redirect) {
    requireApplicant(user);
    var parsed = FilingFormMapper.parse(form);
    if (!parsed.violations().isEmpty()) {
      return rejected(model, user, form, null, parsed);
    }
    Filing draft;
    try {
      draft = service.createDraft(user, parsed.content());
    } catch (InvalidInputException e) {
      parsed.violations().addAll(e.violations());
      return rejected(model, user, form, null, parsed);
    }
    return afterSave(user, draft, form, parsed, action, model, redirect);
  }

  @GetMapping("/filings/{id}/edit")
  String edit(CurrentUser user, @PathVariable long id, Model model) {
    Filing f = service.get(user, id);
    // Anyone who may see the filing may open its form: the mobiles are shown as on every view.
    return form(
        model,
        user,
        FilingFormMapper.toForm(service.contentFor(user, f), f.version()),
        f,
        new Violations(),
        null);
  }

  @PostMapping("/filings/{id}")
  String update(
      CurrentUser user,
      @PathVariable long id,
      @ModelAttribute("form") FilingForm form,
      @RequestParam(defaultValue = "save") String action,
      Model model,
      RedirectAttributes redirect) {
    Filing existing = service.get(user, id);
    // Refused before the form is read: a reader who may not edit gets no form back, even one
    // with errors.
    if (!FilingAccess.mayEdit(user, existing)) {
      throw new ForbiddenException("filing.notYours");
    }
    var parsed = FilingFormMapper.parse(form);
    if (!parsed.violations().isEmpty()) {
      return rejected(model, user, form, existing, parsed);
    }
    Filing saved;
    try {
      saved = service.update(user, id, parsed.content(), version(form.version()));
    } catch (InvalidInputException e) {
      parsed.violations().addAll(e.violations());
      return rejected(model, user, form, existing, parsed);
    } catch (StaleVersionException | ObjectOptimisticLockingFailureException e) {
      model.addAttribute("alert", messages.text("problem.optimistic.detail"));
      return form(model, user, form, existing, new Violations(), parsed);
    }
    return afterSave(user, saved, form, parsed, action, model, redirect);
  }

  private String afterSave(
      CurrentUser user,
      Filing saved,
      FilingForm form,
      FilingFormMapper.Parsed parsed,
      String action,
      Model model,
      RedirectAttributes redirect) {
    if (!"submit".equals(action)) {
      redirect.addFlashAttribute("notice", messages.text("filing.saved"));
      return "redirect:/filings/" + saved.id() + "/edit";
    }
    try {
      Filing submitted = service.submit(user, saved.id(), null);
      redirect.addFlashAttribute("notice", messages.text("filing.submitted", submitted.number()));
      return "redirect:/filings/" + submitted.id();
    } catch (InvalidInputException e) {
      Filing draft = service.get(user, saved.id());
      model.addAttribute("notice", messages.text("filing.saved"));
      // The draft was saved: the page resubmits the saved version, not the one it was sent with.
      model.addAttribute("version", draft.version());
      return rejected(
          model,
          user,
          form,
          draft,
          new FilingFormMapper.Parsed(parsed.content(), e.violations(), parsed.rowOfMember()));
    }
  }

  @GetMapping("/filings/{id}")
  String view(CurrentUser user, @PathVariable long id, Model model) {
    Filing f = service.get(user, id);
    model.addAttribute("filing", f);
    model.addAttribute("c", service.contentFor(user, f));
    FilingView view = views.of(user, f);
    model.addAttribute("view", view);
    model.addAttribute("departmentName", directory.nameOf(f.departmentCode()));
    boolean mine = FilingAccess.mayEdit(user, f);
    model.addAttribute("editable", f.status().isEditable() && mine);
    model.addAttribute("mayCopy", mine && f.status() == FilingStatus.REJECTED);
    FilingViews.History history = views.history(user, f, mine);
    model.addAttribute("versionCount", history.versionCount());
    model.addAttribute("mayChange", history.mayChange());
    model.addAttribute("mayDissolve", history.mayDissolve());
    model.addAttribute("mayUrge", mine && f.underReview());
    model.addAttribute("dissolutionLate", history.dissolutionLate());
    model.addAttribute("dueEstimated", history.dueEstimated());
    model.addAttribute("previousNumber", history.previousNumber());
    model.addAttribute("changeRows", history.changeRows());
    model.addAttribute(
        "mayWithdraw",
        mine
            && f.status() == FilingStatus.IN_REVIEW
            && review.firstStep(f).equals(f.currentStep()));
    model.addAttribute("mayDecide", review.mayDecide(user, f));
    model.addAttribute("colleagues", review.handOverCandidates(user, f));
    model.addAttribute("approvalRows", ApprovalRow.of(review.steps(), view.decisions(), f.round()));
    model.addAttribute("timeline", review.timelineOf(f));
    // Why a returned filing came back, for the page to show near its top.
    model.addAttribute("returned", views.returned(f, view.decisions()));
    model.addAttribute("copyCard", review.copyCard(user, f));
    model.addAttribute("stockOpinions", review.stockOpinions(user, f));
    review.opened(user, f);
    return "filing/view";
  }

  @PostMapping("/filings/{id}/copy")
  String copy(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
    Filing draft = service.copyAsDraft(user, id);
    redirect.addFlashAttribute("notice", messages.text("filing.copied"));
    return "redirect:/filings/" + draft.id() + "/edit";
  }

  @PostMapping("/filings/{id}/withdraw")
  String withdraw(
      CurrentUser user,
      @PathVariable long id,
      @RequestParam(required = false) String version,
      RedirectAttributes redirect) {
    service.withdraw(user, id, version(version));
    redirect.addFlashAttribute("notice", messages.text("approval.withdrawn"));
    return "redirect:/filings/" + id;
  }

  /** A refused upload is a 400: the form again, the reason beside the upload, the draft kept. */
  @PostMapping("/filings/{id}/qr-code")
  String uploadQr(
      CurrentUser user,
      @PathVariable long id,
      @RequestParam("file") MultipartFile file,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response)
      throws IOException {
    try {
      GroupQrCode qr =
          service.attachQrCode(
              user, id, file.getBytes(), file.getContentType(), file.getOriginalFilename());
      redirect.addFlashAttribute("notice", messages.text("filing.qr.uploaded", qr.content()));
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("qrError", messages.text(e.violations().list().get(0)));
      return edit(user, id, model);
    }
    return "redirect:/filings/" + id + "/edit#qr";
  }

  @GetMapping("/filings/{id}/qr-code")
  ResponseEntity<byte[]> qrImage(CurrentUser user, @PathVariable long id) {
    return service
        .qrCode(user, id)
        .map(
            qr ->
                ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(qr.contentType()))
                    .body(qr.image()))
        .orElse(ResponseEntity.notFound().build());
  }

  private String rejected(
      Model model,
      CurrentUser user,
      FilingForm form,
      Filing filing,
      FilingFormMapper.Parsed parsed) {
    Violations all = new Violations();
    all.addAll(parsed.violations());
    // Show every problem at once: also run the draft checks on what did parse.
    service.draftProblems(parsed.content()).list().stream()
        .filter(v -> !all.has(v.field()))
        .forEach(v -> all.add(v.field(), v.code(), v.args()));
    return form(model, user, form, filing, all, parsed);
  }

  private String form(
      Model model,
      CurrentUser user,
      FilingForm form,
      Filing filing,
      Violations violations,
      FilingFormMapper.Parsed parsed) {
    Map<String, String> errors = new LinkedHashMap<>();
    violations
        .list()
        .forEach(
            v ->
                errors.putIfAbsent(
                    parsed == null ? v.field() : parsed.pageField(v), messages.text(v)));
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("filing", filing);
    model.addAttribute("departments", departmentsFor(user));
    if (filing != null) {
      model.addAttribute("qr", service.qrCode(user, filing.id()).orElse(null));
      model.addAttribute("warnings", views.warnings(filing));
      // A returned filing's form opens with why it came back: what to correct comes first.
      model.addAttribute("returned", views.returned(filing));
    }
    return "filing/form";
  }

  private List<DepartmentInfo> departmentsFor(CurrentUser user) {
    return directory.all().stream()
        .filter(
            d -> d.code().equals(user.departmentCode()) || d.kind() == DepartmentKind.WORKING_GROUP)
        .toList();
  }

  /** The form is an applicant's: anyone else could fill it in but never save it. */
  private static void requireApplicant(CurrentUser user) {
    if (!user.canFile()) {
      throw new ForbiddenException("filing.notApplicant");
    }
  }

  private static Long version(String raw) {
    try {
      return raw == null || raw.isBlank() ? null : Long.valueOf(raw.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
