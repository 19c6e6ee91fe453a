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

  static ConfigurableApplicationContext start(String adminPassword, String auditKey) {
    return new SpringApplicationBuilder(QunbeiApplication.class)
        .profiles("prod")
        .properties(
            "QUNBEI_DB_URL=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "QUNBEI_DB_USER=sa",
            "QUNBEI_DB_PASSWORD=",
            "QUNBEI_ADMIN_PASSWORD=" + adminPassword,
            "QUNBEI_AUDIT_KEY=" + auditKey,
            "server.port=0")
        .run();
  }

  @Test
  void refusesToStartWithTheDemoPassword() {
    assertThatThrownBy(() -> start("demo123")).hasStackTraceContaining("Refusing to start");
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
  void startsWithAStrongPasswordAndNoDemoAccounts() {
    try (var ctx = start("Correct-Horse-Battery-9")) {
      var users = ctx.getBean(UserDetailsService.class);
      assertThat(users.loadUserByUsername("admin").getAuthorities())
          .extracting(Object::toString)
          .containsExactly("ROLE_SYSTEM_ADMIN");
      assertThatThrownBy(() -> users.loadUserByUsername("applicant"))
          .isInstanceOf(UsernameNotFoundException.class);
      assertThatThrownBy(() -> users.loadUserByUsername("cyberoffice"))
          .isInstanceOf(UsernameNotFoundException.class);
    }
  }
}
