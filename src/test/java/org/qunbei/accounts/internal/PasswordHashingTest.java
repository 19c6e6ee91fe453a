package org.qunbei.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qunbei.QunbeiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

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

  /**
   * The embedded default reads the setting too, not only production (its own profile's section).
   */
  @Test
  void theEmbeddedDefaultHashesItsAccountsAtTheCostTheEnvironmentSets() {
    // Arguments, not default properties: application.yml's own datasource would win over those.
    try (var app =
        new SpringApplicationBuilder(QunbeiApplication.class)
            .properties("QUNBEI_PASSWORD_HASH_COST=5")
            .run(
                "--spring.datasource.url=jdbc:h2:mem:cost-"
                    + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa",
                "--server.port=0")) {
      assertThat(
              app.getBean(UserAccounts.class)
                  .findByUsername("applicant")
                  .orElseThrow()
                  .passwordHash())
          .startsWith("{bcrypt}$2a$05$");
    }
  }
}
