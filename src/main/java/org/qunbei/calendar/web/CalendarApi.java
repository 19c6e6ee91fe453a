package org.qunbei.calendar.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.calendar.ArrangedDay;
import org.qunbei.calendar.CalendarAdministration;
import org.qunbei.calendar.Deadline;
import org.qunbei.calendar.WorkingDays;
import org.qunbei.calendar.YearSummary;
import org.qunbei.shared.Violations;
import org.qunbei.system.Messages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/calendar/deadline} of API.md, the loaded years and their days, and {@code PUT
 * /api/admin/calendar/{year}} (a CSV body in the page's format) for an administrator's script.
 */
@RestController
class CalendarApi {

  static final int MAX_WORKING_DAYS = 250;

  private final WorkingDays workingDays;
  private final CalendarAdministration administration;
  private final Messages messages;

  CalendarApi(WorkingDays workingDays, CalendarAdministration administration, Messages messages) {
    this.workingDays = workingDays;
    this.administration = administration;
    this.messages = messages;
  }

  @GetMapping("/api/calendar/deadline")
  Map<String, Object> deadline(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String workingDays) {
    var v = new Violations();
    LocalDate event = date(from, v);
    Integer days = count(workingDays, v);
    v.throwIfAny();
    Deadline d = this.workingDays.deadline(event, days);
    var body = new LinkedHashMap<String, Object>();
    body.put("deadline", d.date());
    body.put("estimated", d.estimated());
    if (d.estimated()) {
      body.put("warning", warning(d));
    }
    return body;
  }

  @GetMapping("/api/calendar/years")
  List<YearSummary> years() {
    return administration.years();
  }

  @GetMapping("/api/calendar/years/{year}")
  List<ArrangedDay> days(@PathVariable int year) {
    return administration.daysOf(year);
  }

  @PutMapping(
      path = "/api/admin/calendar/{year}",
      consumes = {"text/csv", "text/plain"})
  YearSummary load(
      CurrentUser user,
      @PathVariable int year,
      @RequestParam(required = false) String source,
      @RequestBody byte[] body) {
    return administration.load(user, year, new String(body, StandardCharsets.UTF_8), source);
  }

  /** The note beside a deadline counted through years without their arrangement. */
  String warning(Deadline d) {
    return messages.text(
        "calendar.deadline.estimated",
        String.join(
            messages.text("list.separator"),
            d.estimatedYears().stream().map(String::valueOf).toList()));
  }

  private static LocalDate date(String text, Violations v) {
    try {
      if (text != null) {
        return LocalDate.parse(text.strip());
      }
    } catch (DateTimeParseException e) {
      // named below
    }
    v.add("from", "calendar.from.invalid");
    return null;
  }

  private static Integer count(String text, Violations v) {
    try {
      int n = text == null ? -1 : Integer.parseInt(text.strip());
      if (n >= 0 && n <= MAX_WORKING_DAYS) {
        return n;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    v.add("workingDays", "calendar.workingDays.invalid", MAX_WORKING_DAYS);
    return null;
  }
}
