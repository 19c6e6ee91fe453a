package org.qunbei.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * A commit acknowledged is a commit on disk, on H2 too. H2 by default keeps the last half second of
 * commits in memory (WRITE_DELAY 500) and writes them later: a process killed meanwhile loses
 * writes whose 2xx was already sent, and hands out their filing numbers again. The default URL asks
 * for WRITE_DELAY=0; this sets it on every H2 database whatever URL an operator gives, before the
 * web server takes a request. It costs a file write per commit (an fsync is still the operating
 * system's: a power cut may lose what a killed process keeps — docs/operations.md).
 */
@Component
class EmbeddedDurability implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDurability.class);

  private final DataSource dataSource;

  EmbeddedDurability(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void afterPropertiesSet() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
        return;
      }
      s.execute("SET WRITE_DELAY 0");
      log.debug("H2 writes every commit before acknowledging it (WRITE_DELAY 0)");
    }
  }
}
