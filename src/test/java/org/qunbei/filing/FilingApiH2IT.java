package org.qunbei.filing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The API contract on H2. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FilingApiH2IT extends FilingApiContract {

  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  /**
   * The suite's URL does not ask for it: the application sets it (resilience.CrashIT proves why).
   */
  @Test
  void h2WritesEveryCommitBeforeAcknowledgingIt() {
    String delay =
        jdbc.queryForObject(
            "select setting_value from information_schema.settings where setting_name ="
                + " 'WRITE_DELAY'",
            String.class);
    assertThat(delay).isEqualTo("0");
  }
}
