package org.qunbei.filing;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface GroupQrCodes extends Repository<GroupQrCode, Long> {

  Optional<GroupQrCode> findById(Long filingId);

  GroupQrCode save(GroupQrCode code);
}
