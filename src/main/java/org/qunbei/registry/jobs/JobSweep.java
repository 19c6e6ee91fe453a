package org.qunbei.registry.jobs;

import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Jobs are kept for a week, then go with their files and reports: an exported workbook holds the
 * registry's phones, and nobody downloads last month's export. Deleting is idempotent, so several
 * nodes may sweep at once without a lock.
 */
@Component
public class JobSweep {

  static final Duration KEPT = Duration.ofDays(7);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final org.qunbei.system.SqlInstants instants;

  JobSweep(JdbcTemplate jdbc, Clock clock, org.qunbei.system.SqlInstants instants) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.instants = instants;
  }

  @Scheduled(fixedDelayString = "${qunbei.registry.sweep-interval:PT1H}", initialDelay = 60_000)
  @Transactional
  public int sweep() {
    Object before = instants.bind(clock.instant().minus(KEPT));
    String old = "select id from registry_job where created_at < ?";
    jdbc.update("delete from registry_job_chunk where job_id in (" + old + ")", before);
    jdbc.update("delete from registry_job_issue where job_id in (" + old + ")", before);
    return jdbc.update("delete from registry_job where created_at < ?", before);
  }
}
