package org.qunbei.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The three databases the suite runs on. PostgreSQL and MariaDB are the real servers of this
 * machine (127.0.0.1, trust / root without password); each suite gets a freshly created database so
 * that every run starts from the migrations.
 */
public final class TestDatabases {

  private TestDatabases() {}

  public static void register(String db, DynamicPropertyRegistry registry) {
    switch (db) {
      case "h2" -> {
        registry.add(
            "spring.datasource.url",
            () -> "jdbc:h2:mem:it-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
      }
      case "postgresql" -> {
        String name = "qunbei_it";
        recreate(
            "jdbc:postgresql://127.0.0.1:5432/test",
            "postgres",
            "drop database if exists " + name + " with (force)",
            "create database " + name);
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/" + name);
        registry.add("spring.datasource.username", () -> "postgres");
      }
      case "mariadb" -> {
        String name = "qunbei_it";
        recreate(
            "jdbc:mariadb://127.0.0.1:3306/test",
            "root",
            "drop database if exists " + name,
            "create database " + name + " character set utf8mb4 collate utf8mb4_unicode_ci");
        registry.add("spring.datasource.url", () -> "jdbc:mariadb://127.0.0.1:3306/" + name);
        registry.add("spring.datasource.username", () -> "root");
      }
      default -> throw new IllegalArgumentException(db);
    }
    registry.add("spring.datasource.password", () -> "");
    // Every test client signs in from 127.0.0.1: as one address it is many people, like a school
    // behind one NAT address, so only the lockout test counts its failures at the real limit.
    registry.add("qunbei.security.lockout.address-failures", () -> "1000");
    // bcrypt's least cost for the suite's accounts: every HTTP Basic call verifies the password,
    // ~75 ms at the production cost of 10 on this machine and ~1.4 ms at 4, over thousands of
    // calls. The code is the same; PasswordHashingTest and ProductionProfileTest hold the cost.
    registry.add("qunbei.security.password-hash-cost", () -> "4");
    // The entities must match the migrations on every database.
    registry.add("spring.jpa.hibernate.ddl-auto", () -> "validate");
  }

  private static void recreate(String adminUrl, String user, String... statements) {
    try (Connection c = DriverManager.getConnection(adminUrl, user, "");
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot reach the test database at "
              + adminUrl
              + " as "
              + user
              + ". The suite needs this machine's PostgreSQL and MariaDB running (.ci/run starts"
              + " them).",
          e);
    }
  }
}
