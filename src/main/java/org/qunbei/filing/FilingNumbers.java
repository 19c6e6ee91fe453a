package org.qunbei.filing;

import java.time.Year;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out filing numbers such as {@code QB-2026-00017}: per year, from a counter row in the
 * database, so that every app node draws from the same sequence. The row stays locked until the
 * submitting transaction commits; a rolled-back submission gives its number back before anyone
 * could have seen it, so a number once shown is never given again.
 */
@Component
public class FilingNumbers {

  /** What every online number of this century begins with (QB-2026-00042). */
  public static final String COMMON = "QB-20";

  private final JdbcTemplate jdbc;
  private final boolean returning;

  FilingNumbers(JdbcTemplate jdbc, org.qunbei.system.DatabaseKind database) {
    this.jdbc = jdbc;
    this.returning = database.postgres();
  }

  private static final java.util.regex.Pattern ONLINE =
      java.util.regex.Pattern.compile("QB-\\d{4}-\\d{5,}");

  /** Whether a number has the online sequence's shape, which only this class hands out. */
  static boolean isOnlineShape(String number) {
    return number != null && ONLINE.matcher(number.strip()).matches();
  }

  /**
   * The next number of the year. A number already on a filing is passed over: paper-era filings
   * imported before paper numbers of this shape were refused may hold one, and the sequence must
   * not stop at it.
   */
  String next(Year year) {
    String number = returning ? drawUnlessTaken(year) : drawUntaken(year);
    while (number == null) {
      number = drawUntaken(year);
    }
    return number;
  }

  /** The next number, or null when it is on a filing already. */
  private String drawUntaken(Year year) {
    String number = draw(year);
    return taken(number) ? null : number;
  }

  /**
   * PostgreSQL draws and looks for the number on a filing in one round trip. No row comes back when
   * the number is taken or the year has no counter yet (its first number): then the way of the
   * other databases, which draws again or opens the year.
   */
  private String drawUnlessTaken(Year year) {
    int y = year.getValue();
    var drawn =
        jdbc.queryForList(
            "with drawn as (update filing_number_counter set last_value = last_value + 1"
                + " where counter_year = ? returning last_value)"
                + " select last_value from drawn where not exists (select 1 from filing f"
                + " where f.number = 'QB-' || ? || '-' || case when last_value < 100000"
                + " then lpad(cast(last_value as varchar), 5, '0')"
                + " else cast(last_value as varchar) end)",
            Long.class,
            y,
            Integer.toString(y));
    return drawn.isEmpty() ? drawUntaken(year) : format(y, drawn.get(0));
  }

  private boolean taken(String number) {
    Integer n =
        jdbc.queryForObject("select count(*) from filing where number = ?", Integer.class, number);
    return n != null && n > 0;
  }

  private String draw(Year year) {
    int y = year.getValue();
    if (jdbc.update(
            "update filing_number_counter set last_value = last_value + 1 where counter_year = ?",
            y)
        == 0) {
      try {
        jdbc.update(
            "insert into filing_number_counter (counter_year, last_value) values (?, 1)", y);
      } catch (DuplicateKeyException raced) {
        // Another node opened the year first; take the next value on its row.
        jdbc.update(
            "update filing_number_counter set last_value = last_value + 1 where counter_year = ?",
            y);
      }
    }
    return format(y, currentValue(y));
  }

  private long currentValue(int y) {
    Long value =
        jdbc.queryForObject(
            "select last_value from filing_number_counter where counter_year = ?", Long.class, y);
    return value;
  }

  private static String format(int year, long value) {
    return "QB-%d-%05d".formatted(year, value);
  }
}
