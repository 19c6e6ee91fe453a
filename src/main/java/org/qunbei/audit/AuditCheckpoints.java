package org.qunbei.audit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Checkpoints are added, never changed. */
interface AuditCheckpoints extends Repository<AuditCheckpoint, Long> {

  AuditCheckpoint save(AuditCheckpoint checkpoint);

  Optional<AuditCheckpoint> findTopByOrderBySeqDesc();

  List<AuditCheckpoint> findBySeqGreaterThanOrderBySeqAsc(long seq, Pageable page);
}
