package org.qunbei.approval;

import org.springframework.data.repository.Repository;

interface TaskTransfers extends Repository<TaskTransfer, Long> {

  TaskTransfer save(TaskTransfer transfer);

  java.util.List<TaskTransfer> findByFilingIdOrderByIdAsc(Long filingId);
}
