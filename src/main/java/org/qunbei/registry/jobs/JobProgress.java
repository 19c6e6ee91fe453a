package org.qunbei.registry.jobs;

import java.time.Clock;
import org.qunbei.registry.paper.ImportSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A running job's reports, each committed at once in its own transaction (the job's own work may
 * hold a long read-only one), so that a progress bar on any node moves while the job runs. Each
 * also renews the run's lease, and is written only while the job is still at the run's attempt.
 */
@Component
public class JobProgress {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final org.qunbei.system.SqlInstants instants;

  JobProgress(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      Clock clock,
      org.qunbei.system.SqlInstants instants) {
    this.instants = instants;
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  public void started(JobRun run, long total) {
    update(
        run,
        "update registry_job set status = 'RUNNING', total_rows = ?, done_rows = 0, updated_at = ?",
        total,
        now());
  }

  public void progressed(JobRun run, long done) {
    update(run, "update registry_job set done_rows = ?, updated_at = ?", done, now());
  }

  void exported(JobRun run, long rows) {
    Object now = now();
    update(
        run,
        "update registry_job set status = 'DONE', done_rows = ?, total_rows = ?, updated_at = ?,"
            + " finished_at = ?",
        rows,
        rows,
        now,
        now);
  }

  void imported(JobRun run, ImportSummary s) {
    Object now = now();
    update(
        run,
        "update registry_job set status = ?, done_rows = total_rows, imported_rows = ?,"
            + " skipped_rows = ?, bad_rows = ?, message = ?, updated_at = ?, finished_at = ?",
        s.failed() ? "FAILED" : "DONE",
        s.imported(),
        s.skipped(),
        s.bad(),
        s.message(),
        now,
        now);
  }

  void failed(JobRun run, String message) {
    Object now = now();
    update(
        run,
        "update registry_job set status = 'FAILED', message = ?, updated_at = ?, finished_at = ?",
        message.length() > 500 ? message.substring(0, 500) : message,
        now,
        now);
  }

  private Object now() {
    return instants.bind(clock.instant());
  }

  /** Sets what {@code set} says on the run's job, unless another run has taken the job over. */
  private void update(JobRun run, String set, Object... args) {
    Object[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = run.job();
    all[args.length + 1] = run.attempt();
    tx.executeWithoutResult(s -> jdbc.update(set + " where id = ? and attempts = ?", all));
  }
}
