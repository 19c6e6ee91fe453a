package org.qunbei.accounts.internal;

import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How a password is kept: bcrypt at a cost (2^cost rounds, {@code
 * qunbei.security.password-hash-cost}) that a school may raise. Each step up doubles what one guess
 * costs an attacker who holds the hashes, and what every sign-in and HTTP Basic call costs the
 * server (~75 ms at 10 on a 2-core server). The cost is written into each hash, so hashes made at
 * another cost still verify: a raised cost applies to passwords set from then on. Production
 * accepts no less than 10, bcrypt's usual default ({@link ProductionSafety}); the test suite hashes
 * its accounts at 4, the same code at a fiftieth of the time.
 */
final class PasswordHashing {

  /** The least cost the {@code prod} profile starts with. */
  static final int PRODUCTION_LEAST = 10;

  private PasswordHashing() {}

  static PasswordEncoder encoder(int cost) {
    if (cost < 4 || cost > 31) {
      throw new IllegalStateException(
          "Refusing to start: qunbei.security.password-hash-cost is "
              + cost
              + "; bcrypt takes 4 to 31, and production at least "
              + PRODUCTION_LEAST);
    }
    // "{bcrypt}" before each hash, as every hash Qunbei has stored carries.
    return new DelegatingPasswordEncoder(
        "bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(cost)));
  }
}
