package org.qunbei.registry.jobs;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The registry's background jobs. */
public interface Jobs extends JpaRepository<RegistryJob, Long> {

  Optional<RegistryJob> findByIdAndOwner(Long id, String owner);

  List<RegistryJob> findByOwnerOrderByCreatedAtDesc(String owner, Pageable page);
}
