package org.qunbei.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.qunbei.accounts.SignInRecorded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 登录失败处理: after {@code max-failures} (5) wrong passwords within {@code lock-for} (30 min) the
 * account is locked for that long, and so is the address they came from after its own count ({@code
 * address-failures}, 5 by default; a school behind one NAT address may raise it). Each failure says
 * how many attempts are left; sign-ins, failures and locks are audited.
 */
@Service
@Transactional
class SignInGuard {

  private final SignInLocks locks;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final int maxFailures;
  private final int addressFailures;
  private final Duration lockFor;
  private final boolean basicAllowed;

  /** Basic calls per address in the current minute, on this node (a rate, not a record). */
  private final org.qunbei.shared.MinuteBudget basicCalls;

  SignInGuard(
      SignInLocks locks,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${qunbei.security.lockout.max-failures:5}") int maxFailures,
      @Value("${qunbei.security.lockout.address-failures:5}") int addressFailures,
      @Value("${qunbei.security.lockout.lock-for:PT30M}") Duration lockFor,
      @Value("${qunbei.security.http-basic:true}") boolean basicAllowed,
      @Value("${qunbei.security.basic-per-minute:0}") int basicPerMinute) {
    this.basicAllowed = basicAllowed;
    this.basicCalls = new org.qunbei.shared.MinuteBudget(basicPerMinute, clock);
    this.locks = locks;
    this.events = events;
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.addressFailures = addressFailures;
    this.lockFor = lockFor;
  }

  /** How long the account or the address is still locked, if it is. */
  @Transactional(readOnly = true)
  Optional<Duration> locked(String username, String address) {
    Instant now = clock.instant();
    Duration longest = Duration.ZERO;
    for (String subject : subjects(username, address)) {
      var lock = locks.findById(subject);
      if (lock.isPresent() && lock.get().locked(now)) {
        Duration d = lock.get().remaining(now);
        longest = d.compareTo(longest) > 0 ? d : longest;
      }
    }
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  /** Attempts left before the account locks (the address's count may lock it sooner). */
  @Transactional(readOnly = true)
  int attemptsLeft(String username, String address) {
    Instant now = clock.instant();
    int account =
        locks
            .findById(account(username))
            .map(l -> l.left(now, maxFailures, lockFor))
            .orElse(maxFailures);
    int fromAddress =
        address == null
            ? addressFailures
            : locks
                .findById(address(address))
                .map(l -> l.left(now, addressFailures, lockFor))
                .orElse(addressFailures);
    return Math.min(account, fromAddress);
  }

  /** The system administrator's reset also ends the account's lock (not its address's). */
  void unlock(String username) {
    String subject = account(username);
    if (locks.findById(subject).isPresent()) {
      locks.deleteById(subject);
    }
  }

  boolean basicAllowed() {
    return basicAllowed;
  }

  /**
   * Whether one more HTTP Basic call from this address fits this minute's budget (each costs a
   * password hash); 0 means no budget. Counted per node: a rate needs no agreement.
   */
  boolean basicWithinRate(String address) {
    return basicCalls.take(address);
  }

  long lockMinutes() {
    return lockFor.toMinutes();
  }

  @EventListener
  void on(AuthenticationFailureBadCredentialsEvent e) {
    String username = e.getAuthentication().getName();
    String address = address(e.getAuthentication().getDetails());
    Instant now = clock.instant();
    boolean locked = fail(account(username), now, maxFailures);
    if (address != null) {
      locked |= fail(address(address), now, addressFailures);
    }
    events.publishEvent(
        new SignInRecorded(cut(username), SignInRecorded.Outcome.FAILED, "wrong password"));
    if (locked) {
      events.publishEvent(
          new SignInRecorded(
              cut(username),
              SignInRecorded.Outcome.LOCKED,
              "locked for " + lockFor.toMinutes() + " min"));
    }
  }

  /** A right password ends the account's count of failures (not the address's). */
  @EventListener
  void on(AuthenticationSuccessEvent e) {
    String subject = account(e.getAuthentication().getName());
    if (locks.findById(subject).isPresent()) {
      locks.deleteById(subject);
    }
  }

  /** A sign-in on the page (not every API call with Basic credentials) is audited. */
  @EventListener
  void on(InteractiveAuthenticationSuccessEvent e) {
    events.publishEvent(
        new SignInRecorded(
            cut(e.getAuthentication().getName()), SignInRecorded.Outcome.SUCCEEDED, "password"));
  }

  /** A sign-in through the school's identity provider, audited like a password one. */
  void federated(String username, String protocol) {
    events.publishEvent(
        new SignInRecorded(cut(username), SignInRecorded.Outcome.SUCCEEDED, protocol));
  }

  private boolean fail(String subject, Instant now, int max) {
    SignInLock lock = locks.findById(subject).orElseGet(() -> new SignInLock(subject, now));
    boolean locked = lock.fail(now, max, lockFor);
    locks.save(lock);
    return locked;
  }

  private static String[] subjects(String username, String address) {
    return address == null
        ? new String[] {account(username)}
        : new String[] {account(username), address(address)};
  }

  private static String account(String username) {
    return "u:" + cut(username == null ? "" : username.strip().toLowerCase());
  }

  private static String address(String address) {
    return "a:" + address;
  }

  private static String address(Object details) {
    return details instanceof WebAuthenticationDetails w ? w.getRemoteAddress() : null;
  }

  /** What was typed is kept short: the audit column and the lock key are bounded. */
  private static String cut(String s) {
    return s == null ? "" : s.length() > 50 ? s.substring(0, 50) : s;
  }
}
