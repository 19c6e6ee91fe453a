package org.qunbei.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The time limits reach the driver of each database, and an operator's own URL settings win. */
class DatabaseTimeoutsTest {

  static HikariDataSource pool(String url) {
    var pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    new DatabaseTimeouts(
            new MockEnvironment()
                .withProperty("qunbei.database.statement-timeout", "20s")
                .withProperty("qunbei.database.socket-timeout", "30s"))
        .postProcessAfterInitialization(pool, "dataSource");
    return pool;
  }

  @Test
  void postgresqlGetsAStatementLimitAndAReadTimeoutInSeconds() {
    var p = pool("jdbc:postgresql://db:5432/qunbei").getDataSourceProperties();
    assertThat(p.getProperty("socketTimeout")).isEqualTo("30");
    assertThat(p.getProperty("options")).isEqualTo("-c statement_timeout=20000");
  }

  @Test
  void mariadbGetsMaxStatementTimeAndAReadTimeoutInMilliseconds() {
    var p = pool("jdbc:mariadb://db:3306/qunbei").getDataSourceProperties();
    assertThat(p.getProperty("socketTimeout")).isEqualTo("30000");
    assertThat(p.getProperty("sessionVariables")).isEqualTo("max_statement_time=20.0");
  }

  @Test
  void theOperatorsUrlWinsAndH2IsLeftAlone() {
    var own =
        pool("jdbc:postgresql://db:5432/qunbei?socketTimeout=120&options=-c%20statement_timeout=0")
            .getDataSourceProperties();
    assertThat(own).doesNotContainKeys("socketTimeout", "options");
    assertThat(pool("jdbc:h2:mem:x").getDataSourceProperties()).isEmpty();
  }
}
