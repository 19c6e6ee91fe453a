package org.qunbei.accounts.internal;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface SignInLocks extends Repository<SignInLock, String> {

  Optional<SignInLock> findById(String subject);

  SignInLock save(SignInLock lock);

  void deleteById(String subject);
}
