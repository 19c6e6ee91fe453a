package org.qunbei.audit;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface AuditHeads extends Repository<AuditHead, Integer> {

  /** The head, locked until the appending transaction ends: events join the chain one by one. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select h from AuditHead h where h.id = 1")
  AuditHead lockHead();

  Optional<AuditHead> findById(Integer id);

  void flush();
}
