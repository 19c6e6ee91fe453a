package org.qunbei.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qunbei.shared.Violations;

/** Counting working days on the official arrangements that Qunbei ships (2024–2026). */
class WorkingCalendarTest {

  static final WorkingCalendar SHIPPED = shipped();

  /** The shipped file, read by the same parser an administrator's upload goes through. */
  static WorkingCalendar shipped() {
    try (InputStream in =
        WorkingCalendarTest.class.getResourceAsStream("/calendar/cn-calendar-2024-2026.csv")) {
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Map<LocalDate, DayKind> days = new HashMap<>();
      for (int year = 2024; year <= 2026; year++) {
        var v = new Violations();
        StringBuilder ofYear = new StringBuilder();
        for (String line : all.split("\\R")) {
          if (line.startsWith(year + "-")) {
            ofYear.append(line).append('\n');
          }
        }
        ArrangementFile.parse(year, ofYear.toString(), v)
            .forEach(d -> days.put(d.date(), d.kind()));
        assertThat(v.list()).as("shipped %d", year).isEmpty();
      }
      return new WorkingCalendar(days, Set.of(2024, 2025, 2026));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  @Test
  void nationalDayAndMidAutumn2025AreEightDaysOffWithTwoWeekendsWorked() {
    for (String off : new String[] {"2025-10-01", "2025-10-04", "2025-10-06", "2025-10-08"}) {
      assertThat(SHIPPED.isWorkingDay(d(off))).as(off).isFalse();
    }
    // Sunday 28 September and Saturday 11 October were worked to make the holiday up.
    assertThat(SHIPPED.isWorkingDay(d("2025-09-28"))).isTrue();
    assertThat(SHIPPED.isWorkingDay(d("2025-10-11"))).isTrue();
    // A group renamed on Tuesday 30 September: 9 Oct, 10 Oct, Saturday 11 Oct, 13 Oct, 14 Oct.
    Deadline due = SHIPPED.deadline(d("2025-09-30"), 5);
    assertThat(due.date()).isEqualTo(d("2025-10-14"));
    assertThat(due.estimated()).isFalse();
    // Changed on Friday 26 September: the make-up Sunday is its first working day.
    assertThat(SHIPPED.deadline(d("2025-09-26"), 1).date()).isEqualTo(d("2025-09-28"));
  }

  @Test
  void springFestival2026RunsNineDaysWithSaturdaysWorkedBeforeAndAfter() {
    assertThat(SHIPPED.isWorkingDay(d("2026-02-14"))).isTrue();
    assertThat(SHIPPED.isWorkingDay(d("2026-02-15"))).isFalse();
    assertThat(SHIPPED.isWorkingDay(d("2026-02-23"))).isFalse();
    assertThat(SHIPPED.isWorkingDay(d("2026-02-24"))).isTrue();
    assertThat(SHIPPED.isWorkingDay(d("2026-02-28"))).isTrue();
    // Thursday 12 Feb: 13 Feb, Saturday 14 Feb, then 24, 25, 26 Feb after the holiday.
    assertThat(SHIPPED.deadline(d("2026-02-12"), 5).date()).isEqualTo(d("2026-02-26"));
    assertThat(SHIPPED.workingDaysBetween(d("2026-02-13"), d("2026-02-27"))).isEqualTo(5);
  }

  @Test
  void countingStartsOnTheDayAfterTheEvent() {
    // Friday 1 March 2024: the weekend does not count, Monday is the first working day.
    assertThat(SHIPPED.deadline(d("2024-03-01"), 1).date()).isEqualTo(d("2024-03-04"));
    assertThat(SHIPPED.deadline(d("2024-03-01"), 0).date()).isEqualTo(d("2024-03-01"));
    assertThat(SHIPPED.workingDaysBetween(d("2024-03-01"), d("2024-03-01"))).isZero();
  }

  @Test
  void aYearWithoutItsArrangementIsCountedOnWeekdaysAndSaysSo() {
    // 1 January 2027 will be a holiday, but 2027 is not loaded: counted as the Friday it is.
    Deadline due = SHIPPED.deadline(d("2026-12-30"), 5);
    assertThat(due.date()).isEqualTo(d("2027-01-06"));
    assertThat(due.estimatedYears()).containsExactly(2027);
    assertThat(SHIPPED.deadline(d("2026-12-01"), 5).estimated()).isFalse();
  }
}
