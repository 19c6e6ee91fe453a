package org.qunbei.shared;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database is away or too slow to answer in time — the server's
 * condition, not the request's: no connection within the pool's wait, a connection lost, a
 * statement or transaction over its time limit. Such a failure is answered 503 with Retry-After,
 * never 500: nothing was written (the transaction rolled back or never began) and the same request
 * succeeds once the database is back (docs/operations.md, "When the database is away or slow").
 * Only the database's failures count: a school's identity provider out of reach is not this.
 */
public final class DatabaseOutage {

  private DatabaseOutage() {}

  /** Seconds a client is asked to wait before trying again. */
  public static final int RETRY_AFTER_SECONDS = 5;

  public static boolean causedBy(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
      if (isOutage(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOutage(Throwable t) {
    if (t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
        || t instanceof org.springframework.dao.DataAccessResourceFailureException
        || t instanceof org.springframework.dao.QueryTimeoutException
        || t instanceof org.springframework.transaction.CannotCreateTransactionException
        || t instanceof org.springframework.transaction.TransactionTimedOutException
        || t instanceof org.hibernate.exception.JDBCConnectionException
        || t instanceof org.hibernate.QueryTimeoutException
        || t instanceof jakarta.persistence.QueryTimeoutException
        // Hikari: no connection within connection-timeout.
        || t instanceof SQLTransientConnectionException
        || t instanceof SQLTimeoutException
        // A rollback or commit the connection could not carry: it broke under the transaction
        // (the rollback's failure then hides the statement's own).
        || t instanceof org.hibernate.TransactionException) {
      return true;
    }
    if (t instanceof SQLException sql && "Connection is closed".equals(sql.getMessage())) {
      return true; // Hikari: the connection was evicted as broken while a transaction held it
    }
    if (t instanceof SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      // 08: connection exception; 57014: statement cancelled (statement_timeout, query timeout);
      // 57P01–57P03: the server shutting down or not accepting connections; 70100 (MariaDB):
      // query interrupted by max_statement_time.
      return state.startsWith("08")
          || state.equals("57014")
          || state.startsWith("57P0")
          || state.equals("70100");
    }
    return false;
  }
}
