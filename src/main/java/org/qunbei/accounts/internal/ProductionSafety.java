package org.qunbei.accounts.internal;

import java.util.Set;
import org.qunbei.accounts.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In production the demo accounts never exist and no default password may be configured: the
 * application refuses to start rather than run with a password that is printed in our docs. An
 * empty directory gets one administrator whose password the operator must choose. The check runs
 * once every bean is made and before the web server listens, so no request is ever served by an
 * application that then refuses to start.
 */
@Component
@Profile("prod")
class ProductionSafety implements org.springframework.beans.factory.SmartInitializingSingleton {

  static final Set<String> FORBIDDEN =
      Set.of("", "demo123", "admin", "password", "123456", "12345678", "qunbei", "changeme");

  private final UserAccounts accounts;
  private final PasswordEncoder encoder;
  private final String adminPassword;
  private final String securityAdminPassword;
  private final int hashCost;

  ProductionSafety(
      UserAccounts accounts,
      PasswordEncoder encoder,
      @Value("${qunbei.bootstrap.admin-password:}") String adminPassword,
      @Value("${qunbei.bootstrap.security-admin-password:}") String securityAdminPassword,
      @Value("${qunbei.security.password-hash-cost}") int hashCost) {
    this.accounts = accounts;
    this.encoder = encoder;
    this.adminPassword = adminPassword;
    this.securityAdminPassword = securityAdminPassword;
    this.hashCost = hashCost;
  }

  private static void strong(String property, String password) {
    if (FORBIDDEN.contains(password.toLowerCase()) || password.length() < 12) {
      throw new IllegalStateException(
          "Refusing to start: set "
              + property
              + " to a password of at least 12 characters that is not a default or demo password");
    }
  }

  @Override
  @Transactional
  public void afterSingletonsInstantiated() {
    if (hashCost < PasswordHashing.PRODUCTION_LEAST) {
      throw new IllegalStateException(
          "Refusing to start: qunbei.security.password-hash-cost is "
              + hashCost
              + "; production hashes passwords at "
              + PasswordHashing.PRODUCTION_LEAST
              + " or more");
    }
    // The demo accounts by name, and any account the demo data made (they carry its mail domain).
    var suspects = new java.util.TreeSet<String>(DemoAccounts.USERNAMES);
    accounts
        .findByEmailEndingWith(DemoAccounts.MAIL_DOMAIN)
        .forEach(a -> suspects.add(a.username()));
    for (String name : suspects) {
      accounts
          .findByUsername(name)
          .filter(a -> encoder.matches(DemoAccounts.DEMO_PASSWORD, a.passwordHash()))
          .ifPresent(
              a -> {
                throw new IllegalStateException(
                    "Refusing to start: account '" + name + "' still has the demo password");
              });
    }
    if (accounts.count() == 0) {
      // 三权分立 from the first start: the system administrator makes accounts, but only a
      // security administrator grants their roles, so both are created, each with its own password.
      strong("qunbei.bootstrap.admin-password", adminPassword);
      strong("qunbei.bootstrap.security-admin-password", securityAdminPassword);
      if (adminPassword.equals(securityAdminPassword)) {
        throw new IllegalStateException(
            "Refusing to start: the two administrators' passwords must differ");
      }
      accounts.save(
          new UserAccount(
              "admin",
              "系统管理员",
              encoder.encode(adminPassword),
              null,
              null,
              Set.of(Role.SYSTEM_ADMIN)));
      accounts.save(
          new UserAccount(
              "secadmin",
              "安全管理员",
              encoder.encode(securityAdminPassword),
              null,
              null,
              Set.of(Role.SECURITY_ADMIN)));
    } else if (!adminPassword.isEmpty() && FORBIDDEN.contains(adminPassword.toLowerCase())) {
      throw new IllegalStateException(
          "Refusing to start: qunbei.bootstrap.admin-password is a default or demo password");
    }
  }
}
