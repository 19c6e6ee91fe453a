package org.qunbei.accounts.internal;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface StaffImports extends Repository<StaffImport, Long> {

  StaffImport save(StaffImport i);

  Optional<StaffImport> findById(Long id);
}
