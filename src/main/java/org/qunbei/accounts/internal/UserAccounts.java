package org.qunbei.accounts.internal;

import java.util.Optional;
import org.springframework.data.repository.Repository;

public interface UserAccounts extends Repository<UserAccount, Long> {

  Optional<UserAccount> findByUsername(String username);

  UserAccount save(UserAccount account);

  long count();
}
