package org.qunbei.registry.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps a background job alive across its node's death. The node holding a job (queued or running)
 * renews its lease every {@code job-heartbeat}; every node looks every {@code job-takeover} for
 * jobs whose lease is older than {@code job-silence}, claims each under a new attempt with one
 * conditional update (so two nodes never both take it), and runs it again — once: a job whose
 * second node died too is marked failed, so that a job that kills its node cannot take the school's
 * nodes down one after another. A job is also taken over after a restart of a single node.
 */
@Component
public class JobLeases {

  private static final Logger log = LoggerFactory.getLogger(JobLeases.class);

  /** The first run and one taken over. */
  static final int MAX_ATTEMPTS = 2;

  private static final String UNDER_WAY = "status in ('QUEUED', 'RUNNING')";

  private final JdbcTemplate jdbc;
  private final JobExecutor executor;
  private final Jobs jobs;
  private final RegistryJobs registryJobs;
  private final JobProgress progress;
  private final org.qunbei.system.Messages messages;
  private final org.qunbei.system.SqlInstants instants;
  private final Clock clock;
  private final Duration silence;

  JobLeases(
      JdbcTemplate jdbc,
      JobExecutor executor,
      Jobs jobs,
      RegistryJobs registryJobs,
      JobProgress progress,
      org.qunbei.system.Messages messages,
      org.qunbei.system.SqlInstants instants,
      Clock clock,
      @Value("${qunbei.registry.job-silence:PT2M}") Duration silence) {
    this.jdbc = jdbc;
    this.executor = executor;
    this.jobs = jobs;
    this.registryJobs = registryJobs;
    this.progress = progress;
    this.messages = messages;
    this.instants = instants;
    this.clock = clock;
    this.silence = silence;
  }

  @Scheduled(fixedDelayString = "${qunbei.registry.job-heartbeat:PT30S}")
  void renew() {
    List<JobRun> held = executor.held();
    if (held.isEmpty()) {
      return;
    }
    Object now = instants.bind(clock.instant());
    jdbc.batchUpdate(
        "update registry_job set updated_at = ? where id = ? and attempts = ? and " + UNDER_WAY,
        held.stream().map(r -> new Object[] {now, r.job(), r.attempt()}).toList());
  }

  @Scheduled(
      fixedDelayString = "${qunbei.registry.job-takeover:PT1M}",
      initialDelayString = "${qunbei.registry.job-takeover:PT1M}")
  public void takeOver() {
    Object before = instants.bind(clock.instant().minus(silence));
    List<JobRun> silent =
        jdbc.query(
            "select id, attempts from registry_job where " + UNDER_WAY + " and updated_at < ?",
            (rs, i) -> new JobRun(rs.getLong(1), rs.getInt(2)),
            before);
    List<JobRun> mine = executor.held();
    for (JobRun was : silent) {
      if (!mine.contains(was) && claim(was)) {
        JobRun run = new JobRun(was.job(), was.attempt() + 1);
        jobs.findById(run.job()).ifPresent(job -> takeOver(job, run));
      }
    }
  }

  private boolean claim(JobRun was) {
    return jdbc.update(
            "update registry_job set attempts = ?, updated_at = ? where id = ? and attempts = ?"
                + " and "
                + UNDER_WAY,
            was.attempt() + 1,
            instants.bind(clock.instant()),
            was.job(),
            was.attempt())
        == 1;
  }

  private void takeOver(RegistryJob job, JobRun run) {
    LocaleContextHolder.setLocale(job.locale());
    try {
      if (run.attempt() > MAX_ATTEMPTS) {
        log.warn("job {} was cut off with its node again: marked failed", run.job());
        progress.failed(run, messages.text("job.interrupted"));
      } else {
        log.warn("job {} was cut off with its node: taken over here", run.job());
        registryJobs.resume(job);
      }
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }
  }
}
