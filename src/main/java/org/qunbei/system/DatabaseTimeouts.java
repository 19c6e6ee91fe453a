package org.qunbei.system;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * A slow database must not hold the application's threads for ever: every statement on PostgreSQL
 * and MariaDB gets a server-side time limit and every connection a read timeout, so a request
 * holding one of the pool's connections gives up and answers 503 instead of hanging (a request
 * waiting for a connection gives up after the pool's connection-timeout). Set here, per driver,
 * because the JDBC URL is the operator's: a setting the URL already names is left alone. H2 runs in
 * the process and has no network to wait on. Limits and figures: docs/operations.md, "When the
 * database is away or slow".
 */
class DatabaseTimeouts implements BeanPostProcessor {

  private static final Logger log = LoggerFactory.getLogger(DatabaseTimeouts.class);

  private final Environment environment;

  DatabaseTimeouts(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
      apply(hikari);
    }
    return bean;
  }

  /** Read before the context's conversion service exists: "20s", "PT20S" or plain milliseconds. */
  private Duration duration(String key, String otherwise) {
    return org.springframework.boot.convert.DurationStyle.detectAndParse(
        environment.getProperty(key, otherwise));
  }

  private void apply(HikariDataSource hikari) {
    Duration statement = duration("qunbei.database.statement-timeout", "20s");
    Duration socket = duration("qunbei.database.socket-timeout", "30s");
    String url = hikari.getJdbcUrl();
    String lower = url.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      if (!lower.contains("sockettimeout")) {
        hikari.addDataSourceProperty("socketTimeout", String.valueOf(socket.toSeconds()));
      }
      if (!lower.contains("statement_timeout") && !lower.contains("options=")) {
        hikari.addDataSourceProperty("options", "-c statement_timeout=" + statement.toMillis());
      }
    } else if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
      if (!lower.contains("sockettimeout")) {
        hikari.addDataSourceProperty("socketTimeout", String.valueOf(socket.toMillis()));
      }
      if (!lower.contains("max_statement_time") && !lower.contains("sessionvariables")) {
        // MariaDB's own limit, in seconds (fractions allowed).
        hikari.addDataSourceProperty(
            "sessionVariables", "max_statement_time=" + statement.toMillis() / 1000.0);
      }
    } else {
      return;
    }
    log.debug("Database time limits: statements {}, socket reads {}", statement, socket);
  }
}
