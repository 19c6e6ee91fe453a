package org.qunbei.system;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * H2's trigger that moves the facts' epoch (V39, V40): H2 runs triggers as classes. Its name is
 * written in the database by the migration, so it must keep this name and package.
 */
public class H2FactEpochTrigger implements Trigger {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
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
}
