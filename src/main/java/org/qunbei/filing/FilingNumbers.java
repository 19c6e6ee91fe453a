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
    String number = draw(year);
    while (taken(number)) {
      number = draw(year);
    }
    return number;
  }

  private boolean taken(String number) {
    Integer n =
        jdbc.queryForObject("select count(*) from filing where number = ?", Integer.class, number);
    return n != null && n > 0;
  }

  private String draw(Year year) {
    int y = year.getValue();
    if (returning) {
      // PostgreSQL counts and answers in one round trip; the others update, then read.
      var drawn =
          jdbc.queryForList(
              "update filing_number_counter set last_value = last_value + 1"
                  + " where counter_year = ? returning last_value",
              Long.class,
              y);
      if (!drawn.isEmpty()) {
        return format(y, drawn.get(0));
      }
    }
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
    Long value =
        jdbc.queryForObject(
            "select last_value from filing_number_counter where counter_year = ?", Long.class, y);
    return format(y, value);
  }

  private static String format(int year, long value) {
    return "QB-%d-%05d".formatted(year, value);
  }
}
