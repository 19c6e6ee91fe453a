package org.qunbei.accounts.internal;

import java.util.HashSet;
import org.qunbei.accounts.CurrentUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountDetailsService implements UserDetailsService {

  private final UserAccounts accounts;
  private final Departments departments;

  AccountDetailsService(UserAccounts accounts, Departments departments) {
    this.accounts = accounts;
    this.departments = departments;
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String username) {
    UserAccount a =
        accounts
            .findByUsername(username)
            .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    return principalOf(a);
  }

  /** The account as a principal now: its roles and the departments it heads or leads today. */
  @Transactional(readOnly = true)
  public AccountPrincipal principalOf(UserAccount a) {
    var user =
        new CurrentUser(
            a.username(),
            a.displayName(),
            a.departmentCode(),
            a.roles(),
            new HashSet<>(departments.codesHeadedBy(a.username())),
            new HashSet<>(departments.codesLedBy(a.username())));
    return new AccountPrincipal(user, a.passwordHash(), a.enabled());
  }
}
