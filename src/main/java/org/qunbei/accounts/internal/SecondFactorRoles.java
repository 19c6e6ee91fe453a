package org.qunbei.accounts.internal;

import java.util.List;
import org.qunbei.accounts.Role;
import org.springframework.data.repository.Repository;

interface SecondFactorRoles extends Repository<SecondFactorRole, Role> {

  List<SecondFactorRole> findAll();

  SecondFactorRole save(SecondFactorRole r);

  void deleteAll();
}
