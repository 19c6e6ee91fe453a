package org.qunbei.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Retention as the scheduler runs it each night: through the bean, with no transaction of the
 * caller's. (AuditCheckpointIT calls the purge inside a transaction of its own, which hid that the
 * nightly run had none.)
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "qunbei.audit.retention=P6M")
class AuditRetentionScheduleIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditRetention retention;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  @Test
  void theNightlyRunRemovesWhatIsPastThePeriodAndTheRestStillVerifies() {
    for (int i = 0; i < 3; i++) {
      var body = Samples.example();
      body.put("groupType", "QQ").put("groupNumber", String.valueOf(1_732_050 + i));
      assertThat(Api.as(port, "applicant").post("/api/filings", body.toString()).status())
          .isEqualTo(201);
    }
    long events = jdbc.queryForObject("select count(*) from audit_event", Long.class);
    long last = jdbc.queryForObject("select max(seq) from audit_event", Long.class);
    // The older half of the trail as if recorded a year ago: past the six months kept.
    jdbc.update(
        "update audit_event set at = ? where seq <= ?",
        OffsetDateTime.now(ZoneOffset.UTC).minusYears(1),
        last / 2);

    retention.scheduled();

    long kept = jdbc.queryForObject("select count(*) from audit_event", Long.class);
    assertThat(kept).as("events kept of %d", events).isLessThan(events);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where seq <= ?", Long.class, last / 2))
        .as("none of the year-old events left")
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where action = 'AUDIT_PURGED'", Long.class))
        .isEqualTo(1);
    var chain = Api.as(port, "auditor").get("/api/audit/chain").json();
    assertThat(chain.path("intact").asBoolean()).as(chain.toString()).isTrue();
  }
}
