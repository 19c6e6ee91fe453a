package org.qunbei.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes events older than the school's retention period from the start of the chain, once a night
 * on one node. The Cybersecurity Law (art. 21) asks for network logs kept at least six months, so a
 * shorter period refuses to start; none set keeps everything. The chain stays verifiable: the
 * sealed head records where it now begins, and the removal is itself an event.
 */
@Service
class AuditRetention {

  static final Period MINIMUM = Period.ofMonths(6);
  private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
  private static final ZoneId SCHOOL = ZoneId.of("Asia/Shanghai");

  private final Period period;
  private final AuditHeads heads;
  private final AuditPurges purges;
  private final AuditSeal seal;
  private final AuditTrail trail;
  private final Clock clock;

  AuditRetention(
      @Value("${qunbei.audit.retention:}") String retention,
      AuditHeads heads,
      AuditPurges purges,
      AuditSeal seal,
      AuditTrail trail,
      Clock clock) {
    this.period = retention.isBlank() ? null : Period.parse(retention.strip());
    this.clock = clock;
    if (period != null && tooShort(period, LocalDate.now(clock))) {
      throw new IllegalStateException(
          "Refusing to start: qunbei.audit.retention "
              + retention
              + " is shorter than the six months the Cybersecurity Law asks for");
    }
    this.heads = heads;
    this.purges = purges;
    this.seal = seal;
    this.trail = trail;
  }

  static boolean tooShort(Period period, LocalDate today) {
    return period.isNegative() || today.minus(period).isAfter(today.minus(MINIMUM));
  }

  @Scheduled(cron = "${qunbei.audit.retention-cron:0 15 3 * * *}", zone = "Asia/Shanghai")
  @SchedulerLock(name = "audit-retention", lockAtMostFor = "PT1H")
  // The transaction is taken here: purge() called from within this class is not proxied, and
  // without one the nightly run failed before removing anything ("No active transaction").
  @Transactional
  void scheduled() {
    long removed = purge();
    if (removed > 0) {
      log.info("audit retention removed {} events", removed);
    }
  }

  /**
   * Cuts the chain before its first event inside the period (never the last event), under the
   * head's lock so no append interleaves; returns how many events went.
   */
  @Transactional
  long purge() {
    if (period == null) {
      return 0;
    }
    Instant cutoff = LocalDate.now(clock).minus(period).atStartOfDay(SCHOOL).toInstant();
    AuditHead head = heads.lockHead();
    Long keep = purges.firstSeqFrom(cutoff);
    long from = keep == null ? head.seq() : Math.min(keep, head.seq());
    long legacy = purges.deleteUnchainedBefore(cutoff);
    if (from <= head.firstSeq()) {
      return legacy;
    }
    String prev = purges.prevHashOf(from);
    long removed = purges.deleteBefore(from) + legacy;
    head.startAt(from, prev, seal);
    // Written now: the purge's own event joins the chain by the row (ChainWrite.appendAt), which
    // must see where the chain starts, and not be undone by this head saved again at the commit.
    heads.flush();
    trail.recordPurge(period, cutoff.atZone(SCHOOL).toLocalDate(), removed);
    return removed;
  }
}
