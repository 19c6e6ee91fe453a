package org.qunbei.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A school that changes bcrypt's cost locks nobody out, and a cost bcrypt refuses is named. */
class PasswordHashingTest {

  @Test
  void passwordsSetAtOneCostStillSignInAfterTheCostIsChanged() {
    var usual = PasswordHashing.encoder(10);
    var raised = PasswordHashing.encoder(11);
    String before = usual.encode("Correct-Horse-Battery-9");
    String after = raised.encode("Correct-Horse-Battery-9");

    assertThat(before).startsWith("{bcrypt}$2a$10$");
    assertThat(after).startsWith("{bcrypt}$2a$11$");
    assertThat(raised.matches("Correct-Horse-Battery-9", before)).isTrue();
    assertThat(usual.matches("Correct-Horse-Battery-9", after)).isTrue();
    assertThat(raised.matches("Correct-Horse-Battery-8", before)).isFalse();
  }

  @Test
  void aCostBcryptCannotTakeStopsTheStartAndSaysWhichSetting() {
    assertThatThrownBy(() -> PasswordHashing.encoder(3))
        .hasMessage(
            "Refusing to start: qunbei.security.password-hash-cost is 3; bcrypt takes 4 to 31,"
                + " and production at least 10");
    assertThatThrownBy(() -> PasswordHashing.encoder(32))
        .hasMessageContaining("password-hash-cost is 32");
  }
}
