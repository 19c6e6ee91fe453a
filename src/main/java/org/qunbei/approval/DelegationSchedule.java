package org.qunbei.approval;

import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Just after midnight, on one node: delegations whose last day has passed end by themselves, and
 * the tasks their delegates still hold go back to the steps' deciders, who are back.
 */
@Component
class DelegationSchedule {

  private static final Logger log = LoggerFactory.getLogger(DelegationSchedule.class);

  private final DelegationService delegations;

  DelegationSchedule(DelegationService delegations) {
    this.delegations = delegations;
  }

  @Scheduled(cron = "${qunbei.delegation.sweep-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
  @SchedulerLock(name = "delegation-ends", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
  void endPast() {
    LocalDate today = delegations.today();
    int ended = delegations.endPast(today);
    log.info("delegations ended by themselves: {}", ended);
  }
}
