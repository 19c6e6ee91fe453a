package org.qunbei.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The arrangement of some years, and the counting over it: a listed holiday is off, a listed
 * make-up day is worked, any other day is worked Monday to Friday. Plain values, so the counting is
 * tested without a database.
 */
record WorkingCalendar(Map<LocalDate, DayKind> days, Set<Integer> loadedYears) {

  WorkingCalendar {
    days = Map.copyOf(days);
    loadedYears = Set.copyOf(loadedYears);
  }

  boolean isWorkingDay(LocalDate date) {
    DayKind kind = days.get(date);
    if (kind != null) {
      return kind == DayKind.WORKDAY;
    }
    DayOfWeek d = date.getDayOfWeek();
    return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
  }

  /**
   * The day on which {@code workingDays} working days after {@code event} are complete: the day
   * after the event is the first one counted, as the paper's "5个工作日内" is read. Zero days: the
   * event's own day.
   */
  Deadline deadline(LocalDate event, int workingDays) {
    LocalDate day = event;
    Set<Integer> estimated = new TreeSet<>();
    for (int counted = 0; counted < workingDays; ) {
      day = day.plusDays(1);
      if (!loadedYears.contains(day.getYear())) {
        estimated.add(day.getYear());
      }
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return new Deadline(day, estimated.stream().toList());
  }

  /** Working days after {@code event} up to and including {@code day}; 0 when not after it. */
  int workingDaysBetween(LocalDate event, LocalDate day) {
    int n = 0;
    for (LocalDate d = event.plusDays(1); !d.isAfter(day); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        n++;
      }
    }
    return n;
  }
}
