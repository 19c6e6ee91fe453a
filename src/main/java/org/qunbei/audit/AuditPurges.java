package org.qunbei.audit;

import java.time.Instant;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The trail's only deletion: the oldest events, once their retention period has passed. */
interface AuditPurges extends Repository<AuditEvent, Long> {

  @Query("select min(e.seq) from AuditEvent e where e.seq is not null and e.at >= :cutoff")
  Long firstSeqFrom(Instant cutoff);

  @Query("select e.prevHash from AuditEvent e where e.seq = :seq")
  String prevHashOf(long seq);

  @Modifying
  @Query("delete from AuditEvent e where e.seq < :seq")
  int deleteBefore(long seq);

  /** Events written before the chain (V23) have no place in it; they go by their date alone. */
  @Modifying
  @Query("delete from AuditEvent e where e.seq is null and e.at < :cutoff")
  int deleteUnchainedBefore(Instant cutoff);
}
