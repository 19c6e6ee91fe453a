package org.qunbei.registry;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.qunbei.filing.FilingAccess;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.GroupType;
import org.qunbei.system.DatabaseKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics tally PostgreSQL keeps by trigger (V35 under db/postgresql, ADR 25): the submitted
 * filings counted by department and month filled in, and by platform, status and outsiders ('M'),
 * month to dissolve by ('D') or a change filing's timeliness ('C'). Reading it sums tens of
 * thousands of rows instead of grouping a million filings. Absent on H2 and MariaDB, whose
 * registries the live query serves.
 */
@Component
public class StatisticsTally {

  private static final Logger log = LoggerFactory.getLogger(StatisticsTally.class);

  /** Whichever node folds the delta holds this (pg_try_advisory_xact_lock); the others skip. */
  private static final long FOLD_LOCK = 0x5174616c6c79L;

  /** A tally row's key, but for the month filled in, which only filing_tally has. */
  private static final String KEY =
      "facet, department_code, created_by, group_type, status, external, dissolve_month,"
          + " change_state, change_due";

  private final NamedParameterJdbcTemplate jdbc;
  private final boolean present;

  StatisticsTally(NamedParameterJdbcTemplate jdbc, DatabaseKind database) {
    this.jdbc = jdbc;
    this.present = database.postgres();
  }

  boolean present() {
    return present;
  }

  /**
   * Adds to {@code tally} the filings of the scope's departments and its user's own, filled in the
   * months {@code first} to {@code last} (either open: {@code null}); with neither, every filing,
   * dated or not.
   */
  void addTo(
      Statistics.Tally tally,
      FilingAccess.SubmittedScope scope,
      YearMonth first,
      YearMonth last,
      LocalDate today) {
    var where = new StringBuilder(" where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (!scope.all()) {
      where.append(" and (created_by = :username");
      params.put("username", scope.username());
      if (!scope.departments().isEmpty()) {
        where.append(" or department_code in (:departments)");
        params.put("departments", scope.departments());
      }
      where.append(")");
    }
    String from;
    if (first == null && last == null) {
      // All time: the tally without months, a few thousand rows.
      from =
          "(select * from filing_tally_total union all select "
              + KEY
              + ", n from filing_tally_delta)";
    } else {
      from = "(select * from filing_tally union all select * from filing_tally_delta)";
      where.append(" and filled_month <> 0");
    }
    if (first != null) {
      where.append(" and filled_month >= :first");
      params.put("first", first.getYear() * 100 + first.getMonthValue());
    }
    if (last != null) {
      where.append(" and filled_month <= :last");
      params.put("last", last.getYear() * 100 + last.getMonthValue());
    }
    int todayKey = today.getYear() * 10_000 + today.getMonthValue() * 100 + today.getDayOfMonth();
    jdbc.query(
        "select "
            + KEY
            + ", sum(n) from "
            + from
            + " t"
            + where
            + " group by "
            + KEY
            + " having sum(n) <> 0",
        params,
        rs -> {
          long n = rs.getLong(10);
          switch (rs.getString(1)) {
            case "M" -> {
              String type = rs.getString(4);
              tally.add(
                  rs.getString(2),
                  type.isEmpty() ? null : GroupType.valueOf(type),
                  FilingStatus.valueOf(rs.getString(5)),
                  rs.getBoolean(6),
                  n);
            }
            case "D" -> {
              int month = rs.getInt(7);
              tally.dissolving(YearMonth.of(month / 100, month % 100), n);
            }
            case "C" -> {
              int state = rs.getInt(8);
              tally.change(state == 2 || (state == 3 && todayKey > rs.getInt(9)), n);
            }
            default -> throw new IllegalStateException("no such facet: " + rs.getString(1));
          }
        });
  }

  /**
   * Folds the trigger's -1/+1 rows into the tally, so that readers sum a short delta. Exact either
   * way: one statement moves the rows, and readers see them before or after, never twice.
   */
  @Scheduled(
      fixedDelayString = "${qunbei.statistics.fold-interval:PT1M}",
      initialDelayString = "${qunbei.statistics.fold-interval:PT1M}")
  @Transactional
  public void fold() {
    if (!present
        || !Boolean.TRUE.equals(
            jdbc.getJdbcTemplate()
                .queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, FOLD_LOCK))) {
      return;
    }
    String byMonth = KEY.replace("created_by,", "created_by, filled_month,");
    int moved =
        jdbc.getJdbcTemplate()
            .update(
                "with moved as (delete from filing_tally_delta returning *),"
                    + " months as (insert into filing_tally as t select "
                    + byMonth
                    + ", sum(n) from moved group by "
                    + byMonth
                    + " on conflict on constraint pk_filing_tally"
                    + " do update set n = t.n + excluded.n)"
                    + " insert into filing_tally_total as t select "
                    + KEY
                    + ", sum(n) from moved group by "
                    + KEY
                    + " on conflict on constraint pk_filing_tally_total"
                    + " do update set n = t.n + excluded.n");
    if (moved > 0) {
      jdbc.getJdbcTemplate().update("delete from filing_tally where n = 0");
      jdbc.getJdbcTemplate().update("delete from filing_tally_total where n = 0");
      log.debug("statistics tally: {} keys folded", moved);
    }
  }
}
