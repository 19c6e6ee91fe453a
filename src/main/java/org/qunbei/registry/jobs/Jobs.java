package org.qunbei.registry.jobs;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The registry's background jobs. */
public interface Jobs extends JpaRepository<RegistryJob, Long> {

  Optional<RegistryJob> findByIdAndOwner(Long id, String owner);

  /** A person's jobs still under way. */
  long countByOwnerAndStatusIn(String owner, java.util.Collection<JobStatus> statuses);

  List<RegistryJob> findByOwnerOrderByCreatedAtDesc(String owner, Pageable page);
}
