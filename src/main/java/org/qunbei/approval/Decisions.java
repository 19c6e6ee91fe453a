package org.qunbei.approval;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface Decisions extends Repository<Decision, Long> {

  Decision save(Decision decision);

  List<Decision> findByFilingIdOrderByIdAsc(Long filingId);

  /** The decisions of many filings as plain values (an export reads 4 × 10^5 of them). */
  @org.springframework.data.jpa.repository.Query(
      "select d.filingId, d.round, d.step, d.decision, d.opinion, d.decidedBy, d.decidedByName,"
          + " d.decidedAt, d.signatureImageId, d.stampImageId, d.onBehalfOf, d.onBehalfOfName"
          + " from Decision d"
          + " where d.filingId in :filingIds order by d.id")
  List<Object[]> recordsOf(java.util.Collection<Long> filingIds);

  /** What one person decided, newest first (我已审批). */
  org.springframework.data.domain.Page<Decision> findByDecidedBy(
      String decidedBy, org.springframework.data.domain.Pageable pageable);

  boolean existsByFilingIdAndDecidedBy(Long filingId, String decidedBy);

  Optional<Decision> findByFilingIdAndRoundAndStep(Long filingId, int round, String step);

  @org.springframework.data.jpa.repository.Query(
      "select distinct d.filingId from Decision d"
          + " where d.signatureImageId = :imageId or d.stampImageId = :imageId")
  List<Long> findFilingIdsCarrying(Long imageId);
}
