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
 * hold a long read-only one), so that a progress bar on any node moves while the job runs.
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

  public void started(long job, long total) {
    update(
        "update registry_job set status = 'RUNNING', total_rows = ?, updated_at = ? where id = ?",
        total,
        now(),
        job);
  }

  public void progressed(long job, long done) {
    update("update registry_job set done_rows = ?, updated_at = ? where id = ?", done, now(), job);
  }

  void exported(long job, long rows) {
    Object now = now();
    update(
        "update registry_job set status = 'DONE', done_rows = ?, total_rows = ?, updated_at = ?,"
            + " finished_at = ? where id = ?",
        rows,
        rows,
        now,
        now,
        job);
  }

  void imported(long job, ImportSummary s) {
    Object now = now();
    update(
        "update registry_job set status = ?, done_rows = total_rows, imported_rows = ?,"
            + " skipped_rows = ?, bad_rows = ?, message = ?, updated_at = ?, finished_at = ?"
            + " where id = ?",
        s.failed() ? "FAILED" : "DONE",
        s.imported(),
        s.skipped(),
        s.bad(),
        s.message(),
        now,
        now,
        job);
  }

  void failed(long job, String message) {
    Object now = now();
    update(
        "update registry_job set status = 'FAILED', message = ?, updated_at = ?, finished_at = ?"
            + " where id = ?",
        message.length() > 500 ? message.substring(0, 500) : message,
        now,
        now,
        job);
  }

  private Object now() {
    return instants.bind(clock.instant());
  }

  private void update(String sql, Object... args) {
    tx.executeWithoutResult(s -> jdbc.update(sql, args));
  }
}
