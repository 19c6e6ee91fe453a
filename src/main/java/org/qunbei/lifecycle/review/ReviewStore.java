package org.qunbei.lifecycle.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.qunbei.system.SqlInstants;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Rounds and their items in the database. An item's answer is read from the filings: a change
 * filing or a dissolution report of its version made after the round opened is the answer, so that
 * a department answers by doing what it must do anyway, where it always does it.
 */
@Component
class ReviewStore {

  private final JdbcTemplate jdbc;
  private final SqlInstants instants;

  ReviewStore(JdbcTemplate jdbc, SqlInstants instants) {
    this.jdbc = jdbc;
    this.instants = instants;
  }

  long open(String title, LocalDate deadline, String by, Instant at) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(
        c -> {
          var ps =
              c.prepareStatement(
                  "insert into review_round (title, deadline, opened_by, opened_at)"
                      + " values (?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setString(1, title);
          ps.setObject(2, deadline);
          ps.setString(3, by);
          ps.setObject(4, instants.bind(at));
          return ps;
        },
        keys);
    long id = keys.getKey().longValue();
    // Every group on the register now, by its current version: one statement, however many.
    jdbc.update(
        "insert into review_item (round_id, group_id, filing_id, department_code)"
            + " select ?, coalesce(group_id, id), id, department_code from filing"
            + " where status = 'FILED'",
        id);
    return id;
  }

  Optional<ReviewRound> round(long id) {
    return jdbc.query("select * from review_round where id = ?", this::toRound, id).stream()
        .findFirst();
  }

  List<ReviewRound> rounds() {
    return jdbc.query("select * from review_round order by id desc", this::toRound);
  }

  boolean anyOpen() {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from review_round where closed_at is null", Integer.class);
    return n != null && n > 0;
  }

  void close(long id, Instant at) {
    jdbc.update(
        "update review_round set closed_at = ? where id = ? and closed_at is null",
        instants.bind(at),
        id);
  }

  /** The items of a round, of one department or (null) of all, with their answers. */
  List<Row> items(long roundId, String department) {
    String sql =
        "select i.id, i.filing_id, f.number, f.group_name, i.department_code, f.member_count,"
            + " i.confirmed_member_count,"
            + " (select max(c.id) from filing c where c.previous_id = i.filing_id"
            + "   and c.created_at >= r.opened_at and c.status <> 'REJECTED') as change_id,"
            + " case when f.dissolution_reported_at >= r.opened_at then 1 else 0 end as dissolved"
            + " from review_item i join review_round r on r.id = i.round_id"
            + " join filing f on f.id = i.filing_id where i.round_id = ?"
            + (department == null ? "" : " and i.department_code = ?")
            + " order by i.department_code, i.id";
    Object[] args =
        department == null ? new Object[] {roundId} : new Object[] {roundId, department};
    return jdbc.query(
        sql,
        (rs, n) -> {
          Integer confirmed = (Integer) rs.getObject(7);
          long change = rs.getLong(8);
          boolean changed = !rs.wasNull();
          ReviewAnswer answer =
              rs.getInt(9) == 1
                  ? ReviewAnswer.DISSOLVED
                  : changed
                      ? ReviewAnswer.CHANGED
                      : confirmed != null ? ReviewAnswer.CONFIRMED : ReviewAnswer.NONE;
          return new Row(
              rs.getLong(1),
              rs.getLong(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              confirmed != null ? confirmed : (Integer) rs.getObject(6),
              answer,
              changed ? change : null);
        },
        args);
  }

  /** Confirms an item of the round for its department; false when it is not theirs. */
  boolean confirm(
      long roundId, long itemId, String department, int members, String by, Instant at) {
    return jdbc.update(
            "update review_item set confirmed_member_count = ?, confirmed_by = ?, confirmed_at = ?"
                + " where id = ? and round_id = ? and department_code = ?",
            members,
            by,
            instants.bind(at),
            itemId,
            roundId,
            department)
        == 1;
  }

  record Row(
      long id,
      long filingId,
      String number,
      String groupName,
      String departmentCode,
      Integer memberCount,
      ReviewAnswer answer,
      Long changeId) {}

  private ReviewRound toRound(ResultSet rs, int n) throws SQLException {
    return new ReviewRound(
        rs.getLong("id"),
        rs.getString("title"),
        rs.getObject("deadline", LocalDate.class),
        rs.getString("opened_by"),
        instants.read(rs, rs.findColumn("opened_at")),
        instants.read(rs, rs.findColumn("closed_at")));
  }
}
