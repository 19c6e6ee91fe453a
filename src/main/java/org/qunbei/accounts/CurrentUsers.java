package org.qunbei.accounts;

import java.util.Optional;
import org.qunbei.accounts.internal.AccountPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;

/** The logged-in user, where code has no controller parameter to take it from. */
public final class CurrentUsers {

  private CurrentUsers() {}

  public static Optional<CurrentUser> current() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof AccountPrincipal p
        ? Optional.of(p.user())
        : Optional.empty();
  }
}
