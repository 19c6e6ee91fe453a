package org.qunbei.accounts;

import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Another user as the system sees them (roles, departments), e.g. a colleague to hand a task to.
 */
@Service
public class Users {

  private final UserDetailsService details;

  Users(UserDetailsService details) {
    this.details = details;
  }

  public Optional<CurrentUser> find(String username) {
    if (username == null || username.isBlank()) {
      return Optional.empty();
    }
    try {
      var principal = details.loadUserByUsername(username.strip());
      return principal.isEnabled()
              && principal instanceof org.qunbei.accounts.internal.AccountPrincipal p
          ? Optional.of(p.user())
          : Optional.empty();
    } catch (UsernameNotFoundException e) {
      return Optional.empty();
    }
  }
}
