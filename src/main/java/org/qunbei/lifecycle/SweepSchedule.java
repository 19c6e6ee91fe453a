package org.qunbei.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the deadline sweeps each morning on one node: the lock is held at least a minute, so a node
 * whose clock runs a little behind finds it taken and skips that run.
 */
@Component
class SweepSchedule {

  private static final Logger log = LoggerFactory.getLogger(SweepSchedule.class);

  private final DeadlineSweeps sweeps;
  private final Clock clock;

  SweepSchedule(DeadlineSweeps sweeps, Clock clock) {
    this.sweeps = sweeps;
    this.clock = clock;
  }

  @Scheduled(cron = "${qunbei.lifecycle.sweep-cron:0 30 7 * * *}", zone = "Asia/Shanghai")
  @SchedulerLock(
      name = "lifecycle-sweeps",
      lockAtLeastFor = "${qunbei.lifecycle.sweep-lock-at-least:PT1M}",
      lockAtMostFor = "PT30M")
  void sweep() {
    DeadlineSweeps.Report report = sweeps.run(LocalDate.now(clock));
    log.info("lifecycle sweeps: raised {} resolved {}", report.raised(), report.resolved());
  }
}
