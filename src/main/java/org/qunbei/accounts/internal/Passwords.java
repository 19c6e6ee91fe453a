package org.qunbei.accounts.internal;

import java.time.Clock;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.DirectoryChanged;
import org.qunbei.shared.Violations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person changes their own password: the current one first, then one the policy accepts and that
 * is none of their last few.
 */
@Service
@Transactional
class Passwords {

  private final UserAccounts accounts;
  private final PasswordEncoder encoder;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final PasswordPolicy policy;

  Passwords(
      UserAccounts accounts,
      PasswordEncoder encoder,
      ApplicationEventPublisher events,
      Clock clock,
      PasswordPolicy policy) {
    this.policy = policy;
    this.accounts = accounts;
    this.encoder = encoder;
    this.events = events;
    this.clock = clock;
  }

  void change(CurrentUser user, String current, String next) {
    UserAccount a = accounts.findByUsername(user.username()).orElseThrow();
    var v = new Violations();
    if (current == null || !encoder.matches(current, a.passwordHash())) {
      v.add("current", "password.currentWrong");
    }
    v.addAll(policy.check(user.username(), next, "new"));
    if (next != null && current != null && next.equals(current)) {
      v.add("new", "password.same");
    } else if (next != null
        && policy.history() > 1
        && a.usedBefore(h -> encoder.matches(next, h))) {
      v.add("new", "password.reused", policy.history());
    }
    v.throwIfAny();
    a.changePassword(encoder.encode(next), clock.instant(), policy.history() - 1);
    accounts.save(a);
    events.publishEvent(new DirectoryChanged(user.username(), "password changed", user.username()));
  }
}
