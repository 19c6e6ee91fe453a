package org.qunbei.approval;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface Decisions extends Repository<Decision, Long> {

  Decision save(Decision decision);

  List<Decision> findByFilingIdOrderByIdAsc(Long filingId);

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
