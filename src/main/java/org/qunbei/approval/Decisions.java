package org.qunbei.approval;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface Decisions extends Repository<Decision, Long> {

  Decision save(Decision decision);

  List<Decision> findByFilingIdOrderByIdAsc(Long filingId);

  Optional<Decision> findByFilingIdAndRoundAndStep(Long filingId, int round, String step);

  boolean existsByFilingIdAndDecidedBy(Long filingId, String decidedBy);
}
