package org.qunbei.accounts.internal;

import java.time.Clock;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.DirectoryChanged;
import org.qunbei.shared.Violations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person changes their own password: the current one first, then one the policy accepts. */
@Service
@Transactional
class Passwords {

  private final UserAccounts accounts;
  private final PasswordEncoder encoder;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Passwords(
      UserAccounts accounts,
      PasswordEncoder encoder,
      ApplicationEventPublisher events,
      Clock clock) {
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
    v.addAll(PasswordPolicy.check(user.username(), next, "new"));
    if (next != null && current != null && next.equals(current)) {
      v.add("new", "password.same");
    }
    v.throwIfAny();
    a.changePassword(encoder.encode(next), clock.instant());
    accounts.save(a);
    events.publishEvent(new DirectoryChanged(user.username(), "password changed", user.username()));
  }
}
