package org.qunbei.system;

import javax.sql.DataSource;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Which database this is, for the few features that only PostgreSQL carries (the search index, the
 * statistics tally: the migrations under db/postgresql). Told once, from the connection URL.
 */
@Component
public class DatabaseKind {

  private final DatabaseDriver driver;

  DatabaseKind(DataSource dataSource) {
    try {
      String url = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getURL());
      this.driver = DatabaseDriver.fromJdbcUrl(url);
    } catch (Exception e) {
      throw new IllegalStateException("cannot tell which database this is", e);
    }
  }

  public DatabaseDriver driver() {
    return driver;
  }

  public boolean postgres() {
    return driver == DatabaseDriver.POSTGRESQL;
  }

  /** MariaDB or MySQL: they keep instants in DATETIME columns as UTC wall-clock time (V1). */
  public boolean mariaDbOrMySql() {
    return driver == DatabaseDriver.MARIADB || driver == DatabaseDriver.MYSQL;
  }
}
