package org.qunbei.system;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.h2.api.Trigger;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * H2's trigger that moves the facts' epoch (V39, V40): H2 runs triggers as classes. Its name is
 * written in the database by the migration, so it must keep this name and package. Fired per
 * statement it always moves the epoch; fired per row (an account's update) only when the row
 * changed a column the kept answers hold.
 */
public class H2FactEpochTrigger implements Trigger {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The account's columns the kept answers hold (ADR 27); the others move nothing. */
  private static final Set<String> ANSWERED =
      Set.of("USERNAME", "DISPLAY_NAME", "DEPARTMENT_CODE", "EMAIL", "ENABLED");

  /** Positions of {@link #ANSWERED} in a row of the trigger's table. */
  private final List<Integer> watched = new ArrayList<>();

  @Override
  public void init(
      Connection conn, String schema, String trigger, String table, boolean before, int type)
      throws SQLException {
    try (var columns = conn.getMetaData().getColumns(null, schema, table, null)) {
      while (columns.next()) {
        if (ANSWERED.contains(columns.getString("COLUMN_NAME").toUpperCase())) {
          watched.add(columns.getInt("ORDINAL_POSITION") - 1);
        }
      }
    }
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    if (oldRow != null && newRow != null && unchanged(oldRow, newRow)) {
      return;
    }
    // The connection is the writer's own session. Under auto-commit, H2 would commit after the
    // trigger's own statement, which it refuses inside a trigger; the statement that fired it
    // commits both. The session's flag is switched, not the connection's: that one commits.
    SessionLocal session = (SessionLocal) ((JdbcConnection) conn).getSession();
    boolean autoCommit = session.getAutoCommit();
    session.setAutoCommit(false);
    try (var update = conn.prepareStatement("update fact_epoch set n = ? where id = 1")) {
      update.setLong(1, RANDOM.nextLong());
      update.executeUpdate();
    } finally {
      session.setAutoCommit(autoCommit);
    }
  }

  private boolean unchanged(Object[] oldRow, Object[] newRow) {
    return !watched.isEmpty()
        && watched.stream().allMatch(i -> Objects.equals(oldRow[i], newRow[i]));
  }
}
