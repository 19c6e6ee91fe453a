package org.qunbei.accounts.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** Failed sign-ins of one account or one address within a window, and the lock they earned. */
@Entity
@Table(name = "sign_in_lock")
class SignInLock {

  @Id private String subject;
  private int failures;
  private Instant windowStart;
  private Instant lockedUntil;

  protected SignInLock() {}

  SignInLock(String subject, Instant now) {
    this.subject = subject;
    this.windowStart = now;
  }

  /** One more failure; the lock starts when the count reaches {@code max} within the window. */
  boolean fail(Instant now, int max, Duration window) {
    if (windowStart.plus(window).isBefore(now) || (lockedUntil != null && !locked(now))) {
      failures = 0;
      windowStart = now;
      lockedUntil = null;
    }
    failures++;
    if (failures >= max && lockedUntil == null) {
      lockedUntil = now.plus(window);
      return true;
    }
    return false;
  }

  boolean locked(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  Duration remaining(Instant now) {
    return locked(now) ? Duration.between(now, lockedUntil) : Duration.ZERO;
  }

  int left(Instant now, int max, Duration window) {
    if (windowStart.plus(window).isBefore(now)) {
      return max;
    }
    return Math.max(0, max - failures);
  }
}
