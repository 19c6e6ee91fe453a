package org.qunbei.calendar.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Role;
import org.qunbei.calendar.CalendarAdministration;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.system.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's calendar page: the loaded years with their days, and a form to load next
 * year's arrangement (typed or pasted from the notice, or a file). A refused load comes back with
 * every bad line named and the text as it was typed.
 */
@Controller
class CalendarPages {

  private final CalendarAdministration administration;
  private final Messages messages;

  CalendarPages(CalendarAdministration administration, Messages messages) {
    this.administration = administration;
    this.messages = messages;
  }

  @GetMapping("/admin/calendar")
  String page(CurrentUser user, Model model) {
    requireAdmin(user);
    return show(model);
  }

  @PostMapping("/admin/calendar")
  String load(
      CurrentUser user,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) MultipartFile file,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    requireAdmin(user);
    String days =
        file != null && !file.isEmpty()
            ? new String(file.getBytes(), StandardCharsets.UTF_8)
            : text;
    try {
      int y = parseYear(year);
      administration.load(user, y, days, source);
      redirect.addFlashAttribute("notice", messages.text("calendar.loaded", String.valueOf(y)));
      return "redirect:/admin/calendar";
    } catch (InvalidInputException e) {
      model.addAttribute("errors", messages.fieldMessages(e.violations()));
      model.addAttribute("year", year);
      model.addAttribute("source", source);
      model.addAttribute("text", days);
      return show(model);
    }
  }

  private String show(Model model) {
    var years = administration.years();
    model.addAttribute("years", years);
    model.addAttribute(
        "days",
        years.stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    y -> y.year(), y -> administration.daysOf(y.year()))));
    return "calendar/admin";
  }

  private static int parseYear(String year) {
    try {
      return Integer.parseInt(year == null ? "" : year.strip());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of("year", "calendar.year.invalid", year == null ? "" : year);
    }
  }

  private static void requireAdmin(CurrentUser user) {
    if (!user.has(Role.SYSTEM_ADMIN)) {
      throw new ForbiddenException("calendar.notAdmin");
    }
  }
}
