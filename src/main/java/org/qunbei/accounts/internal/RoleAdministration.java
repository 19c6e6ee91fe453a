package org.qunbei.accounts.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Role;
import org.qunbei.accounts.RolesChanged;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.NotFoundException;
import org.qunbei.shared.Violations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security administrator's grants: who holds which role. Nobody changes their own roles, and no
 * combination breaks {@link RoleGrants}. A role takes effect at the account's next sign-in.
 */
@Service
@Transactional
class RoleAdministration {

  private static final int REASON_LENGTH = 200;

  private final UserAccounts accounts;
  private final ApplicationEventPublisher events;

  RoleAdministration(UserAccounts accounts, ApplicationEventPublisher events) {
    this.accounts = accounts;
    this.events = events;
  }

  Set<Role> grant(CurrentUser actor, String username, List<String> requested, String reason) {
    if (!actor.has(Role.SECURITY_ADMIN)) {
      throw new ForbiddenException("accounts.notSecurityAdmin");
    }
    if (actor.username().equals(username)) {
      throw new ForbiddenException("accounts.roles.own");
    }
    UserAccount account =
        accounts.findByUsername(username).orElseThrow(() -> new NotFoundException(username));
    var v = new Violations();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : requested == null ? List.<String>of() : requested) {
      try {
        roles.add(Role.valueOf(name == null ? "" : name.strip()));
      } catch (IllegalArgumentException e) {
        v.add("roles", "accounts.roles.unknown", String.valueOf(name));
      }
    }
    String why = reason == null ? "" : reason.strip();
    if (why.length() > REASON_LENGTH) {
      v.add("reason", "accounts.reason.tooLong", REASON_LENGTH);
    }
    v.addAll(RoleGrants.check(roles, account.departmentCode()));
    v.throwIfAny();
    Set<Role> before = account.roles();
    account.grant(roles);
    accounts.save(account);
    events.publishEvent(new RolesChanged(username, before, roles, why, actor.username()));
    return roles;
  }
}
