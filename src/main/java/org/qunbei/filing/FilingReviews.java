package org.qunbei.filing;

import java.util.List;
import java.util.Optional;
import org.qunbei.shared.NodeFacts;
import org.qunbei.system.DatabaseKind;
import org.qunbei.system.SqlArgs;
import org.qunbei.system.SqlInstants;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a filing's review and writes a decision's change of it in plain JDBC: one select of the
 * columns a decision needs, one update of the columns it changes (the version checked and moved on,
 * as Hibernate's would be). The aggregate's other columns, its team and its form are neither read
 * nor written, and nothing of the filing is loaded into the persistence context, so that whoever
 * loads the aggregate later in the same transaction reads it as written (ADR 26).
 */
@Component
public class FilingReviews {

  private static final String COLUMNS =
      "id, version, number, group_name, department_code, classified, created_by, status,"
          + " current_step, assignee, review_round, dissolution_round, group_id, previous_id,"
          + " step_since, filed_at, dissolved_at";

  private final JdbcTemplate jdbc;
  private final SqlInstants instants;
  private final ApplicationEventPublisher events;
  private final DatabaseKind database;

  FilingReviews(
      JdbcTemplate jdbc,
      SqlInstants instants,
      ApplicationEventPublisher events,
      DatabaseKind database) {
    this.database = database;
    this.jdbc = jdbc;
    this.instants = instants;
    this.events = events;
  }

  public Optional<FilingReview> find(long id) {
    List<FilingReview> found =
        jdbc.query(
            // The facts' epoch comes along, so the deciders, contacts, robots and delegations the
            // decision asks for next are this node's to answer when nothing changed (ADR 27).
            "select " + COLUMNS + ", " + NodeFacts.EPOCH + " from filing where id = ?",
            (rs, n) -> {
              NodeFacts.seen(rs.getLong(18));
              return new FilingReview(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getBoolean(6),
                  rs.getString(7),
                  FilingStatus.valueOf(rs.getString(8)),
                  rs.getString(9),
                  rs.getString(10),
                  rs.getInt(11),
                  rs.getInt(12),
                  // The group is named by its first filing: a first filing's own id.
                  rs.getObject(13) == null ? rs.getLong(1) : rs.getLong(13),
                  rs.getObject(14) == null ? null : rs.getLong(14),
                  instants.read(rs, 15),
                  instants.read(rs, 16),
                  instants.read(rs, 17));
            },
            id);
    return found.stream().findFirst();
  }

  /**
   * A row the decision inserts with its change (the decision's own record): on PostgreSQL in the
   * same statement as the filing's update, a round trip fewer; elsewhere just before it.
   *
   * @param insert an insert statement with {@code ?} parameters
   */
  public record Alongside(String insert, Object... params) {}

  /**
   * Writes the decision's change and the row alongside it, if the filing is still at the version it
   * was read at, then announces what the change announces (filed, dissolved, closed) — as saving
   * the aggregate did.
   *
   * @throws OptimisticLockingFailureException when another decision changed it first
   */
  public FilingReview write(FilingReview.Decided d, Alongside alongside) {
    FilingReview after = d.after();
    String update =
        "update filing set version = ?, status = ?, current_step = ?, assignee = ?,"
            + " step_since = ?, updated_at = ?, filed_at = ?, dissolved_at = ?"
            + (d.refusedDissolution()
                ? ", dissolved_on = null, dissolution_reason = null,"
                    + " dissolution_reported_by = null, dissolution_reported_at = null,"
                    + " dissolution_due_by = null"
                : "")
            + " where id = ? and version = ?";
    Object[] params = {
      after.version(),
      after.status().name(),
      SqlArgs.text(after.currentStep()),
      SqlArgs.text(after.assignee()),
      instants.arg(after.stepSince()),
      instants.arg(d.at()),
      instants.arg(after.filedAt()),
      instants.arg(after.dissolvedAt()),
      after.id(),
      d.before().version()
    };
    int updated;
    if (database.postgres()) {
      // One statement: the row goes in whether or not the version still holds, and a lost race
      // rolls both back (below), as two statements would.
      Object[] both = new Object[alongside.params().length + params.length];
      System.arraycopy(alongside.params(), 0, both, 0, alongside.params().length);
      System.arraycopy(params, 0, both, alongside.params().length, params.length);
      updated = jdbc.update("with alongside as (" + alongside.insert() + ") " + update, both);
    } else {
      jdbc.update(alongside.insert(), alongside.params());
      updated = jdbc.update(update, params);
    }
    if (updated != 1) {
      throw new OptimisticLockingFailureException("filing " + after.id() + " changed meanwhile");
    }
    d.events().forEach(events::publishEvent);
    return after;
  }
}
