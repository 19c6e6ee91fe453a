package org.qunbei.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.system.SqlInstants;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The alerts in the database: raised once per missed deadline, resolved when it is met. */
@Component
class LifecycleAlerts {

  private final JdbcTemplate jdbc;
  private final SqlInstants instants;

  LifecycleAlerts(JdbcTemplate jdbc, SqlInstants instants) {
    this.jdbc = jdbc;
    this.instants = instants;
  }

  boolean exists(AlertKind kind, long filingId, String key) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from lifecycle_alert where kind = ? and filing_id = ? and alert_key = ?",
            Integer.class,
            kind.name(),
            filingId,
            key);
    return n != null && n > 0;
  }

  void insert(
      AlertKind kind, long filingId, String key, String department, String detail, Instant at) {
    jdbc.update(
        "insert into lifecycle_alert (kind, filing_id, alert_key, department_code, detail,"
            + " raised_at) values (?, ?, ?, ?, ?, ?)",
        kind.name(),
        filingId,
        key,
        department,
        detail,
        instants.bind(at));
  }

  /** Resolves the open alerts of a kind whose filing and key are no longer found. */
  int resolveAllBut(AlertKind kind, Set<String> stillOpen, Instant at) {
    int resolved = 0;
    for (var row :
        jdbc.queryForList(
            "select id, filing_id, alert_key from lifecycle_alert"
                + " where kind = ? and resolved_at is null",
            kind.name())) {
      String id = row.get("filing_id") + "/" + row.get("alert_key");
      if (!stillOpen.contains(id)) {
        resolved +=
            jdbc.update(
                "update lifecycle_alert set resolved_at = ? where id = ?",
                instants.bind(at),
                row.get("id"));
      }
    }
    return resolved;
  }

  /** The open alerts the user may see: all of them for the registry's keepers, else their own. */
  List<Alert> open(CurrentUser user) {
    String sql =
        "select a.id, a.kind, a.filing_id, f.number, f.group_name, a.department_code, a.detail,"
            + " a.raised_at from lifecycle_alert a join filing f on f.id = a.filing_id"
            + " where a.resolved_at is null";
    Object[] args = {};
    if (!user.seesWholeRegistry()) {
      sql += " and a.department_code = ?";
      args = new Object[] {user.departmentCode() == null ? "" : user.departmentCode()};
    }
    sql += " order by a.raised_at desc, a.id desc";
    return jdbc.query(
        sql,
        (rs, i) ->
            new Alert(
                rs.getLong(1),
                AlertKind.valueOf(rs.getString(2)),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                instants.read(rs, 8)),
        args);
  }
}
