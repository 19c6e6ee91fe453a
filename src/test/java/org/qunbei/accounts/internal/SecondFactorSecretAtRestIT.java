package org.qunbei.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A second-factor secret is stored encrypted: whoever reads the database cannot compute the codes;
 * the account still checks them, and a secret stored before encryption still works.
 */
@SpringBootTest
class SecondFactorSecretAtRestIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  @Autowired UserAccounts accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;

  String raw(String username) {
    return jdbc.queryForObject(
        "select totp_secret from app_user where username = ?", String.class, username);
  }

  boolean accepts(String username, String secret) {
    long step = Instant.now().getEpochSecond() / 30;
    return tx.execute(
        s ->
            accounts
                .findByUsername(username)
                .orElseThrow()
                .acceptSecondFactor(Totp.code(secret, step), Instant.now()));
  }

  @Test
  void theSecretIsEncryptedAtRestAndStillChecksCodes() {
    String secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    tx.executeWithoutResult(
        s -> accounts.findByUsername("admin").orElseThrow().enrollSecondFactor(secret, 0));
    assertThat(raw("admin")).startsWith("v1:").doesNotContain(secret).doesNotContain("JBSWY3");
    assertThat(accepts("admin", secret)).isTrue();

    // Set up before encryption: the plain secret still works.
    jdbc.update("update app_user set totp_secret = ? where username = 'auditor'", secret);
    assertThat(accepts("auditor", secret)).isTrue();
  }
}
