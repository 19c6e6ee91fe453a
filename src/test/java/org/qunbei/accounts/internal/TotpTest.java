package org.qunbei.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6238's own test vectors, and the rules an authenticator app's user meets. */
class TotpTest {

  static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void theRfcVectorsForSha1() {
    assertThat(Totp.code(RFC_KEY, 59 / 30, 8)).isEqualTo("94287082");
    assertThat(Totp.code(RFC_KEY, 1111111109L / 30, 8)).isEqualTo("07081804");
    assertThat(Totp.code(RFC_KEY, 1234567890L / 30, 8)).isEqualTo("89005924");
    assertThat(Totp.code(RFC_KEY, 20000000000L / 30, 8)).isEqualTo("65353130");
  }

  @Test
  void aCodeCountsOneStepEitherSideAndNeverTwice() {
    String secret = Totp.base32(RFC_KEY);
    assertThat(Totp.unbase32(secret)).isEqualTo(RFC_KEY);
    long now = 1_764_000_000L;
    String code = Totp.code(secret, now / 30);
    assertThat(Totp.verify(secret, code, now, 0)).hasValue(now / 30);
    assertThat(Totp.verify(secret, code, now + 30, 0)).hasValue(now / 30);
    assertThat(Totp.verify(secret, code, now + 90, 0)).isEmpty();
    // Used once: the same code, or an older one, is refused.
    assertThat(Totp.verify(secret, code, now, now / 30)).isEmpty();
    assertThat(Totp.verify(secret, "12345", now, 0)).isEmpty();
    assertThat(Totp.newSecret()).hasSize(32).matches("[A-Z2-7]+");
    assertThat(Totp.uri("群备", "admin", secret))
        .startsWith("otpauth://totp/")
        .contains("secret=" + secret);
  }
}
