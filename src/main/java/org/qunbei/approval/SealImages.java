package org.qunbei.approval;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface SealImages extends Repository<SealImage, Long> {

  SealImage save(SealImage image);

  Optional<SealImage> findById(Long id);

  Optional<SealImage> findFirstByKindAndOwnerOrderByIdDesc(SealKind kind, String owner);
}
