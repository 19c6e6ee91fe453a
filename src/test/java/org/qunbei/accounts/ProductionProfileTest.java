package org.qunbei.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qunbei.QunbeiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The production profile creates no demo accounts and refuses a default password. */
class ProductionProfileTest {

  static ConfigurableApplicationContext start(String adminPassword) {
    return start(adminPassword, "a-real-audit-key-of-forty-characters-000");
  }

  /** Versioned keys of the test's own for the mobiles (never the demo key). */
  static final String CRYPTO_KEYS =
      "1:"
          + java.util.Base64.getEncoder()
              .encodeToString("a-real-32-byte-field-key-0000000".getBytes());

  static ConfigurableApplicationContext start(String adminPassword, String auditKey) {
    return start(adminPassword, auditKey, CRYPTO_KEYS, CHECKPOINT_KEY);
  }

  /** A checkpoint signing key as a school makes it (openssl genpkey -algorithm ed25519). */
  static final String CHECKPOINT_KEY = checkpointKeyFile();

  private static String checkpointKeyFile() {
    try {
      var pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      var file = java.nio.file.Files.createTempFile("qunbei-checkpoint", ".pem");
      java.nio.file.Files.writeString(
          file,
          "-----BEGIN PRIVATE KEY-----\n"
              + java.util.Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
              + "\n-----END PRIVATE KEY-----\n");
      file.toFile().deleteOnExit();
      return file.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static ConfigurableApplicationContext start(
      String adminPassword, String auditKey, String cryptoKeys, String checkpointKey) {
    return prod(adminPassword, auditKey, cryptoKeys, checkpointKey).run();
  }

  /** The production profile with everything it demands set, ready for one more property. */
  static SpringApplicationBuilder prod(
      String adminPassword, String auditKey, String cryptoKeys, String checkpointKey) {
    return new SpringApplicationBuilder(QunbeiApplication.class)
        .profiles("prod")
        .properties(
            "QUNBEI_DB_URL=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "QUNBEI_DB_USER=sa",
            "QUNBEI_DB_PASSWORD=",
            "QUNBEI_ADMIN_PASSWORD=" + adminPassword,
            "QUNBEI_SECADMIN_PASSWORD=Another-Long-Secret-7",
            "QUNBEI_AUDIT_KEY=" + auditKey,
            "QUNBEI_AUDIT_CHECKPOINT_KEY_FILE=" + checkpointKey,
            "QUNBEI_CRYPTO_KEYS=" + cryptoKeys,
            "server.port=0");
  }

  @Test
  void refusesToStartWithTheDemoPassword() {
    assertThatThrownBy(() -> start("demo123")).hasStackTraceContaining("Refusing to start");
  }

  @Test
  void refusesToHashPasswordsMoreCheaplyThanBcryptsUsualCost() {
    var cheap =
        prod(
                "Correct-Horse-Battery-9",
                "a-real-audit-key-of-forty-characters-000",
                CRYPTO_KEYS,
                CHECKPOINT_KEY)
            .properties("QUNBEI_PASSWORD_HASH_COST=9");
    assertThatThrownBy(cheap::run)
        .hasStackTraceContaining(
            "Refusing to start: qunbei.security.password-hash-cost is 9; production hashes"
                + " passwords at 10 or more");
  }

  @Test
  void refusesADatabaseThatStillHoldsADemoAccountBeforeServingAnyRequest() {
    String url = "jdbc:h2:mem:seeded-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    // The embedded default seeds the demo directory (secrecy2 among it) into this database.
    new SpringApplicationBuilder(QunbeiApplication.class)
        .run("--spring.datasource.url=" + url, "--spring.datasource.username=sa", "--server.port=0")
        .close();
    var served = new java.util.concurrent.atomic.AtomicBoolean();
    var prod =
        new SpringApplicationBuilder(QunbeiApplication.class)
            .profiles("prod")
            .listeners(
                e -> {
                  if (e
                      instanceof
                      org.springframework.boot.web.server.context.WebServerInitializedEvent) {
                    served.set(true);
                  }
                })
            .properties(
                "QUNBEI_DB_URL=" + url,
                "QUNBEI_DB_USER=sa",
                "QUNBEI_DB_PASSWORD=",
                "QUNBEI_ADMIN_PASSWORD=Correct-Horse-Battery-9",
                "QUNBEI_AUDIT_KEY=a-real-audit-key-of-forty-characters-000",
                "QUNBEI_AUDIT_CHECKPOINT_KEY_FILE=" + CHECKPOINT_KEY,
                "QUNBEI_CRYPTO_KEYS=" + CRYPTO_KEYS,
                "server.port=0");
    assertThatThrownBy(prod::run).hasStackTraceContaining("still has the demo password");
    assertThat(served).as("the web server never listened").isFalse();
  }

  @Test
  void refusesToStartWithoutAnAdminPassword() {
    assertThatThrownBy(() -> start("")).hasStackTraceContaining("qunbei.bootstrap.admin-password");
  }

  @Test
  void refusesToStartWithoutAnAuditKey() {
    assertThatThrownBy(() -> start("Correct-Horse-Battery-9", ""))
        .hasStackTraceContaining("qunbei.audit.key");
  }

  @Test
  void refusesToStartWithoutTheKeyThatSignsAuditCheckpoints() {
    assertThatThrownBy(
            () ->
                start(
                    "Correct-Horse-Battery-9",
                    "a-real-audit-key-of-forty-characters-000",
                    CRYPTO_KEYS,
                    ""))
        .hasStackTraceContaining("qunbei.audit.checkpoint.key-file");
  }

  @Test
  void refusesToStartWithoutEncryptionKeysOrWithTheDemoKey() {
    String strong = "Correct-Horse-Battery-9";
    String audit = "a-real-audit-key-of-forty-characters-000";
    assertThatThrownBy(() -> start(strong, audit, "", CHECKPOINT_KEY))
        .hasStackTraceContaining("Refusing to start: no key is set")
        .hasStackTraceContaining("QUNBEI_CRYPTO_KEYS");
    String demo =
        "1:"
            + java.util.Base64.getEncoder()
                .encodeToString("qunbei-demo-field-key-not-prod!!".getBytes());
    assertThatThrownBy(() -> start(strong, audit, demo, CHECKPOINT_KEY))
        .hasStackTraceContaining("Refusing to start: a demo key is set");
  }

  @Test
  void startsWithAStrongPasswordAndNoDemoAccounts() {
    try (var ctx = start("Correct-Horse-Battery-9")) {
      var users = ctx.getBean(UserDetailsService.class);
      assertThat(users.loadUserByUsername("admin").getAuthorities())
          .extracting(Object::toString)
          .containsExactly("ROLE_SYSTEM_ADMIN");
      // The one who grants roles exists from the first start, or no account could get one.
      assertThat(users.loadUserByUsername("secadmin").getAuthorities())
          .extracting(Object::toString)
          .containsExactly("ROLE_SECURITY_ADMIN");
      assertThatThrownBy(() -> users.loadUserByUsername("applicant"))
          .isInstanceOf(UsernameNotFoundException.class);
      assertThatThrownBy(() -> users.loadUserByUsername("cyberoffice"))
          .isInstanceOf(UsernameNotFoundException.class);

      // HTTP Basic is off in production: the right password in a header opens nothing.
      int port =
          ((org.springframework.boot.web.server.context.WebServerApplicationContext) ctx)
              .getWebServer()
              .getPort();
      var basic = org.qunbei.support.Api.basic(port, "admin", "Correct-Horse-Battery-9");
      assertThat(basic.get("/api/admin/users").status()).isEqualTo(401);

      // Behind the school's TLS proxy (here on loopback): HSTS is sent and the session cookie is
      // Secure; straight over plain HTTP, neither.
      var anonymous = org.qunbei.support.Api.anonymous(port);
      var proxied =
          anonymous.send(anonymous.request("/login").header("X-Forwarded-Proto", "https").GET());
      assertThat(proxied.status()).isEqualTo(200);
      assertThat(proxied.header("Strict-Transport-Security")).contains("max-age=");
      assertThat(proxied.response().headers().allValues("Set-Cookie"))
          .anyMatch(
              c -> c.startsWith("JSESSIONID=") && c.contains("Secure") && c.contains("HttpOnly"));
      var plain = anonymous.get("/login");
      assertThat(plain.header("Strict-Transport-Security")).isNull();
      assertThat(plain.response().headers().allValues("Set-Cookie"))
          .noneMatch(c -> c.contains("Secure"));
    }
  }
}
