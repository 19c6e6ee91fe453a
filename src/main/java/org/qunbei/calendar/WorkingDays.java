package org.qunbei.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts working days on the loaded arrangements. It reads the database on every call and keeps
 * nothing: a year an administrator loads on one node counts on every node at once.
 */
@Service
@Transactional(readOnly = true)
public class WorkingDays {

  private final CalendarDays days;
  private final ArrangementYears years;

  WorkingDays(CalendarDays days, ArrangementYears years) {
    this.days = days;
    this.years = years;
  }

  /**
   * The deadline {@code workingDays} working days after {@code event}; the next day counts first.
   */
  public Deadline deadline(LocalDate event, int workingDays) {
    // Twice the days plus a month holds any count: no arrangement takes more than 9 days in a row.
    LocalDate until = event.plusDays(2L * workingDays + 31);
    return calendar(event, until).deadline(event, workingDays);
  }

  /** Working days after {@code event} up to and including {@code day}. */
  public int workingDaysBetween(LocalDate event, LocalDate day) {
    return calendar(event, day).workingDaysBetween(event, day);
  }

  public boolean isWorkingDay(LocalDate day) {
    return calendar(day, day).isWorkingDay(day);
  }

  /** Whether the official arrangement of the year is loaded. */
  public boolean knows(int year) {
    return years.findById(year).isPresent();
  }

  private WorkingCalendar calendar(LocalDate from, LocalDate to) {
    Map<LocalDate, DayKind> kinds = new HashMap<>();
    days.between(from, to).forEach(d -> kinds.put(d.toDay().date(), d.toDay().kind()));
    return new WorkingCalendar(kinds, new HashSet<>(years.loadedYears()));
  }
}
