package org.qunbei.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.qunbei.QunbeiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application started in-process on a random port and an in-memory H2 database, for tests that
 * are not JUnit Jupiter classes (jqwik properties have no Spring extension offline): the same
 * properties {@link TestDatabases#register} gives a {@code @SpringBootTest}.
 */
public final class RunningApp implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final int port;
  private final Map<String, Api> tokens = new HashMap<>();

  private RunningApp(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public static RunningApp start() {
    Map<String, Object> p = new HashMap<>();
    p.put("server.port", "0");
    p.put(
        "spring.datasource.url", "jdbc:h2:mem:hostile-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    p.put("spring.datasource.username", "sa");
    p.put("spring.datasource.password", "");
    p.put("qunbei.security.lockout.address-failures", "100000");
    p.put("spring.jpa.hibernate.ddl-auto", "validate");
    p.put("qunbei.security.password-hash-cost", "4");
    return new RunningApp(
        new SpringApplicationBuilder(QunbeiApplication.class).properties(p).run());
  }

  public int port() {
    return port;
  }

  /**
   * A demo user's client holding a personal access token: a token costs a hash lookup, where HTTP
   * Basic pays the adaptive password hash (~50 ms) on every one of thousands of calls.
   */
  public synchronized Api as(String username) {
    return tokens.computeIfAbsent(
        username,
        u -> {
          Api.Reply made =
              Api.as(port, u).post("/api/me/tokens", "{\"name\":\"hostile\",\"days\":30}");
          if (made.status() != 201) {
            throw new IllegalStateException(u + ": " + made.status() + " " + made.text());
          }
          return Api.bearer(port, made.json().path("token").asString());
        });
  }

  /** A browser: signed in through the login form, keeping its cookie and the page's CSRF token. */
  public PageSession browser(String username, String password) {
    return new PageSession(port, username, password);
  }

  @Override
  public void close() {
    context.close();
  }
}
