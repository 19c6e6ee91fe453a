package org.qunbei.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qunbei.shared.Violations;

/**
 * A year's arrangement as an administrator types it from the State Council's notice, in the shape
 * of the shipped file: {@code date,kind,name} per line ({@code 2027-10-01,HOLIDAY,国庆节}), kind
 * HOLIDAY (or 休) and WORKDAY (or 班), a header line optional. A file is taken whole or not at all:
 * every bad line is named, and nothing is stored until none is left.
 */
final class ArrangementFile {

  static final String FIELD = "file";
  private static final int NAME_LENGTH = 50;

  private ArrangementFile() {}

  static List<ArrangedDay> parse(int year, String text, Violations v) {
    if (year < 2000 || year > 2100) {
      v.add("year", "calendar.year.invalid", String.valueOf(year));
      return List.of();
    }
    List<ArrangedDay> days = new ArrangedDays().read(year, text == null ? "" : text, v);
    if (days.isEmpty() && v.isEmpty()) {
      v.add(FIELD, "calendar.file.empty");
    }
    return days;
  }

  /** The reading of one file: which line listed which day, to name the first of a repeat. */
  private static final class ArrangedDays {
    private final Map<LocalDate, Integer> lineOf = new HashMap<>();
    private final List<ArrangedDay> days = new ArrayList<>();

    List<ArrangedDay> read(int year, String text, Violations v) {
      String[] lines = text.strip().replace("\uFEFF", "").split("\\R");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        boolean header = i == 0 && line.toLowerCase(java.util.Locale.ROOT).startsWith("date");
        if (!line.isEmpty() && !header) {
          line(year, i + 1, line, v);
        }
      }
      return days;
    }

    private void line(int year, int n, String line, Violations v) {
      String[] cols = line.split("[,，\\t]", -1);
      if (cols.length != 3) {
        v.add(FIELD, "calendar.line.columns", n);
        return;
      }
      LocalDate date = date(n, cols[0].strip(), v);
      DayKind kind = kind(n, cols[1].strip(), v);
      String name = cols[2].strip();
      boolean named = !name.isEmpty() && name.length() <= NAME_LENGTH;
      if (!named) {
        v.add(FIELD, "calendar.line.name", n, NAME_LENGTH);
      }
      if (date == null || kind == null || !named) {
        return;
      }
      if (date.getYear() != year) {
        v.add(FIELD, "calendar.line.year", n, date.toString(), String.valueOf(year));
      } else if (lineOf.containsKey(date)) {
        v.add(FIELD, "calendar.line.repeated", n, date.toString(), lineOf.get(date));
      } else if (kind == DayKind.WORKDAY && !weekend(date)) {
        v.add(FIELD, "calendar.line.workdayOnWeekday", n, date.toString());
      } else {
        lineOf.put(date, n);
        days.add(new ArrangedDay(date, kind, name));
      }
    }

    private static boolean weekend(LocalDate date) {
      return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static LocalDate date(int n, String text, Violations v) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        v.add(FIELD, "calendar.line.date", n, text);
        return null;
      }
    }

    private static DayKind kind(int n, String text, Violations v) {
      switch (text.toUpperCase(java.util.Locale.ROOT)) {
        case "HOLIDAY", "休" -> {
          return DayKind.HOLIDAY;
        }
        case "WORKDAY", "班" -> {
          return DayKind.WORKDAY;
        }
        default -> {
          v.add(FIELD, "calendar.line.kind", n, text);
          return null;
        }
      }
    }
  }
}
