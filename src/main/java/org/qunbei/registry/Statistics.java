package org.qunbei.registry;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qunbei.accounts.Directory;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.GroupType;

/**
 * The registry's figures: groups on the register (FILED) by department, by platform, with external
 * members, and short-term ones by the month they must be dissolved by; every submitted filing by
 * status. Each list is what a chart draws and a table prints.
 */
public record Statistics(
    LocalDate from,
    LocalDate to,
    long filed,
    long withExternalMembers,
    long changes,
    long lateChanges,
    List<Count> byDepartment,
    List<Count> byPlatform,
    List<Count> byStatus,
    List<Count> shortTermByMonth) {

  /**
   * One bar: its key (a department code, an enum name, a month such as 2027-07), what the page
   * calls it, and its count.
   */
  public record Count(String key, String label, long count) {}

  /** Adds up the grouped rows of the query. */
  static final class Tally {
    private final Map<String, String> departmentNames = new LinkedHashMap<>();
    private final Map<String, Long> departments = new TreeMap<>();
    private final Map<GroupType, Long> platforms = new EnumMap<>(GroupType.class);
    private final Map<FilingStatus, Long> statuses = new EnumMap<>(FilingStatus.class);
    private final Map<YearMonth, Long> months = new TreeMap<>();
    private long filed;
    private long external;
    private long changes;
    private long lateChanges;

    private final org.qunbei.system.Messages messages;

    Tally(Directory directory, org.qunbei.system.Messages messages) {
      this.messages = messages;
      directory.all().forEach(d -> departmentNames.put(d.code(), d.name()));
    }

    void add(String department, GroupType type, FilingStatus status, boolean hasExternal, long n) {
      statuses.merge(status, n, Long::sum);
      if (status != FilingStatus.FILED) {
        return;
      }
      filed += n;
      departments.merge(department, n, Long::sum);
      if (type != null) {
        platforms.merge(type, n, Long::sum);
      }
      if (hasExternal) {
        external += n;
      }
    }

    /** Filed short-term groups that must be dissolved by the month. */
    void dissolving(YearMonth month, long n) {
      months.merge(month, n, Long::sum);
    }

    /** Change filings submitted in the period, and whether they missed commitment 4's five days. */
    void change(boolean late, long n) {
      changes += n;
      if (late) {
        lateChanges += n;
      }
    }

    Statistics result(LocalDate from, LocalDate to) {
      List<Count> byDepartment = new ArrayList<>();
      departments.forEach(
          (code, n) ->
              byDepartment.add(new Count(code, departmentNames.getOrDefault(code, code), n)));
      byDepartment.sort(Comparator.comparingLong(Count::count).reversed());
      List<Count> byPlatform = new ArrayList<>();
      platforms.forEach((t, n) -> byPlatform.add(new Count(t.name(), messages.label(t), n)));
      List<Count> byStatus = new ArrayList<>();
      statuses.forEach((s, n) -> byStatus.add(new Count(s.name(), messages.label(s), n)));
      List<Count> byMonth = new ArrayList<>();
      months.forEach(
          (m, n) ->
              byMonth.add(
                  new Count(
                      m.toString(),
                      messages.text("statistics.month", m.getYear(), m.getMonthValue()),
                      n)));
      return new Statistics(
          from,
          to,
          filed,
          external,
          changes,
          lateChanges,
          byDepartment,
          byPlatform,
          byStatus,
          byMonth);
    }
  }
}
