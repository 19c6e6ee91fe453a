package org.qunbei.audit;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Insert and read only: the trail has no update or delete. */
interface AuditEvents extends Repository<AuditEvent, Long> {

  AuditEvent save(AuditEvent event);

  List<AuditEvent> findByFilingIdOrderByIdAsc(Long filingId);

  List<AuditEvent> findBySeqGreaterThanEqualOrderBySeqAsc(long seq, Pageable page);

  @Query(
      """
      select e from AuditEvent e
      where (:filingId is null or e.filingId = :filingId)
        and (:actor is null or e.actor = :actor)
        and (:action is null or e.action = :action)
        and (cast(:from as instant) is null or e.at >= :from)
        and (cast(:to as instant) is null or e.at < :to)
      """)
  Page<AuditEvent> search(
      Long filingId,
      String actor,
      String action,
      java.time.Instant from,
      java.time.Instant to,
      Pageable pageable);
}
