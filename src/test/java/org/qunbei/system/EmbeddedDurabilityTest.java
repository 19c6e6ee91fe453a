package org.qunbei.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An H2 file database keeps the last half second of commits in memory unless told otherwise
 * (resilience.CrashIT shows what that loses); the application tells it, whatever the URL says.
 */
class EmbeddedDurabilityTest {

  @Test
  void anH2FileDatabaseWritesEveryCommitOnceTheApplicationHasStarted() throws Exception {
    Path dir = Files.createTempDirectory("qunbei-durability");
    var ds = new SingleConnectionDataSource("jdbc:h2:file:" + dir.resolve("db"), "sa", "", true);
    try {
      var jdbc = new JdbcTemplate(ds);
      String sql = "select setting_value from information_schema.settings where setting_name = ?";
      assertThat(jdbc.queryForList(sql, String.class, "WRITE_DELAY"))
          .as("H2's own default for a file database")
          .containsOnly("500");
      new EmbeddedDurability(ds).afterPropertiesSet();
      assertThat(jdbc.queryForList(sql, String.class, "WRITE_DELAY")).containsOnly("0");
    } finally {
      ds.destroy();
    }
  }
}
