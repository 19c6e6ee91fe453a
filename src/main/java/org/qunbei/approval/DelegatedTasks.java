package org.qunbei.approval;

import java.util.List;
import org.springframework.data.repository.Repository;

interface DelegatedTasks extends Repository<DelegatedTask, Long> {

  DelegatedTask save(DelegatedTask t);

  List<DelegatedTask> findByDelegationIdAndReturnedAtIsNull(Long delegationId);

  List<DelegatedTask> findByFilingIdAndRoundAndStepOrderByIdDesc(
      Long filingId, int round, String step);
}
