package org.qunbei.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.DirectoryChanged;
import org.qunbei.accounts.Role;
import org.qunbei.accounts.SignInRecorded;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor a level-3 assessment asks for (two factors, one of them not a password): a TOTP
 * app, set up by the person, required per role by the security administrator. A session counts as
 * signed in once its code is given; tokens (made from such a session) act alone; HTTP Basic cannot
 * carry a code, so it is refused for accounts that need one.
 */
@Service
@Transactional
class SecondFactor {

  /** The session attribute naming whose code was given, so that a later sign-in cannot reuse it. */
  static final String DONE = "qunbei.secondFactor";

  /** A secret shown to be scanned, until its first code confirms it. */
  static final String PENDING = "qunbei.secondFactor.pending";

  private final SecondFactorRoles roles;
  private final UserAccounts accounts;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SecondFactor(
      SecondFactorRoles roles,
      UserAccounts accounts,
      ApplicationEventPublisher events,
      Clock clock) {
    this.roles = roles;
    this.accounts = accounts;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The rule is read on every signed-in request of an account without its own code, from a table of
   * at most a few rows, and not kept: a rule a security administrator tightens on one node holds on
   * every node from the next click.
   */
  @Transactional(readOnly = true)
  Set<Role> requiredFor() {
    Set<Role> set = EnumSet.noneOf(Role.class);
    roles.findAll().forEach(r -> set.add(r.role()));
    return java.util.Collections.unmodifiableSet(set);
  }

  /** Whether this account signs in with a code: it set one up, or one of its roles needs it. */
  @Transactional(readOnly = true)
  boolean needed(UserAccount a) {
    if (a.hasSecondFactor()) {
      return true;
    }
    Set<Role> required = requiredFor();
    return a.roles().stream().anyMatch(required::contains);
  }

  static boolean given(HttpServletRequest request, String username) {
    var session = request.getSession(false);
    return session != null && username.equals(session.getAttribute(DONE));
  }

  /** The code at sign-in: right and unused, the session counts; otherwise 400 naming the field. */
  void signIn(CurrentUser user, String code, HttpServletRequest request) {
    UserAccount a = accounts.findByUsername(user.username()).orElseThrow();
    if (!a.hasSecondFactor() || !a.acceptSecondFactor(code, clock.instant())) {
      events.publishEvent(
          new SignInRecorded(user.username(), SignInRecorded.Outcome.FAILED, "second factor"));
      throw InvalidInputException.of("code", "secondFactor.wrong");
    }
    request.getSession().setAttribute(DONE, user.username());
    events.publishEvent(
        new SignInRecorded(user.username(), SignInRecorded.Outcome.SUCCEEDED, "second factor"));
  }

  /** Setting up: a new secret for the app, kept in the session until a code confirms it. */
  String start(HttpServletRequest request) {
    String secret = Totp.newSecret();
    request.getSession().setAttribute(PENDING, secret);
    return secret;
  }

  void confirm(CurrentUser user, String code, HttpServletRequest request) {
    var session = request.getSession(false);
    String secret = session == null ? null : (String) session.getAttribute(PENDING);
    var step = Totp.verify(secret, code, clock.instant().getEpochSecond(), 0);
    if (secret == null || step.isEmpty()) {
      throw InvalidInputException.of("code", "secondFactor.wrong");
    }
    UserAccount a = accounts.findByUsername(user.username()).orElseThrow();
    a.enrollSecondFactor(secret, step.getAsLong());
    session.removeAttribute(PENDING);
    session.setAttribute(DONE, user.username());
    events.publishEvent(
        new DirectoryChanged(user.username(), "second factor set up", user.username()));
  }

  /** Switching it off takes a current code, and is not possible where a role requires it. */
  void turnOff(CurrentUser user, String code) {
    UserAccount a = accounts.findByUsername(user.username()).orElseThrow();
    if (a.roles().stream().anyMatch(requiredFor()::contains)) {
      throw new ForbiddenException("secondFactor.required");
    }
    if (!a.acceptSecondFactor(code, clock.instant())) {
      throw InvalidInputException.of("code", "secondFactor.wrong");
    }
    a.dropSecondFactor();
    events.publishEvent(
        new DirectoryChanged(user.username(), "second factor switched off", user.username()));
  }

  /** The security administrator's rule: which roles sign in with a second factor. */
  Set<Role> require(CurrentUser actor, Set<Role> required) {
    if (!actor.has(Role.SECURITY_ADMIN)) {
      throw new ForbiddenException("secondFactor.notSecurityAdmin");
    }
    roles.deleteAll();
    required.forEach(r -> roles.save(new SecondFactorRole(r)));
    events.publishEvent(
        new DirectoryChanged(
            "policy",
            "second factor required for: "
                + required.stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
            actor.username()));
    return requiredFor();
  }
}
