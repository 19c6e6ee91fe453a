package org.qunbei.approval;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface Decisions extends Repository<Decision, Long> {

  Decision save(Decision decision);

  List<Decision> findByFilingIdOrderByIdAsc(Long filingId);

  List<Decision> findByFilingIdInOrderByIdAsc(java.util.Collection<Long> filingIds);

  Optional<Decision> findByFilingIdAndRoundAndStep(Long filingId, int round, String step);

  @org.springframework.data.jpa.repository.Query(
      "select distinct d.filingId from Decision d"
          + " where d.signatureImageId = :imageId or d.stampImageId = :imageId")
  List<Long> findFilingIdsCarrying(Long imageId);
}
