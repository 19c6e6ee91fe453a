package org.qunbei.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.qunbei.shared.Violation;

/** The two presets a school chooses between, each rule named by its message. */
class PasswordPolicyTest {

  private static java.util.List<String> broken(PasswordPolicy policy, String password) {
    return policy.check("zhangsan", password, "new").list().stream().map(Violation::code).toList();
  }

  @Test
  void mlpsAsksForEightCharactersOfThreeKindsAndRotatesEveryNinetyDays() {
    var mlps = new PasswordPolicy("mlps");
    assertThat(broken(mlps, "Ab1#defg")).isEmpty();
    assertThat(broken(mlps, "abcdefgh")).containsExactly("password.kinds");
    assertThat(broken(mlps, "Zhangsan#1")).containsExactly("password.username");
    assertThat(broken(mlps, "ab1"))
        .containsExactlyInAnyOrder("password.tooShort", "password.kinds");
    assertThat(mlps.history()).isEqualTo(5);
    Instant now = Instant.parse("2026-12-01T08:00:00Z");
    assertThat(mlps.expired(now.minus(Duration.ofDays(89)), now)).isFalse();
    assertThat(mlps.expired(now.minus(Duration.ofDays(91)), now)).isTrue();
  }

  @Test
  void asvsAsksForTwelveCharactersNoCompositionAndNoCommonPasswordAndNeverRotates() {
    var asvs = new PasswordPolicy("ASVS");
    assertThat(broken(asvs, "correct horse battery")).isEmpty();
    assertThat(broken(asvs, "Ab1#defg")).containsExactly("password.tooShort");
    assertThat(broken(asvs, "1qaz2wsx3edc")).containsExactly("password.common");
    assertThat(broken(asvs, "Password1234")).containsExactly("password.common");
    assertThat(asvs.history()).isEqualTo(1);
    assertThat(asvs.maxAge()).isEmpty();
    assertThat(asvs.expired(Instant.EPOCH, Instant.parse("2026-12-01T08:00:00Z"))).isFalse();
    assertThat(asvs.rulesKey()).isEqualTo("password.rules.asvs");
  }
}
