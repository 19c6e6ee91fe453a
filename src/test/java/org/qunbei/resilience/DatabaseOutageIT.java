package org.qunbei.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qunbei.support.Api;
import org.qunbei.support.AppProcess;
import org.qunbei.support.CuttableProxy;
import org.qunbei.support.PageSession;
import org.qunbei.support.Samples;

/**
 * The database goes away under load, and comes back; then it turns slow. The application runs as a
 * process with its production limits (application.yml) and reaches the database through a proxy the
 * test cuts and slows, the real server untouched. While the database is away every kind of caller
 * hears 503 — the API a Chinese problem with Retry-After, a signed-in person a Chinese page (not
 * the login page: the session itself is in the database), a password sign-in 503 (not "wrong
 * password") — and health says DOWN while liveness and static files still answer. Once it is back
 * the same clients are served again without a restart or a new sign-in. Nothing acknowledged is
 * lost, nothing is half-written, the audit chain verifies and every notice is mailed once. A slow
 * database turns DB-bound requests into 503s within the pool's wait while the server keeps
 * answering what needs no database.
 *
 * <p>{@code ./mvnw verify} runs it on PostgreSQL; {@code
 * -Dqunbei.outage.databases=postgresql,mariadb} on both.
 */
class DatabaseOutageIT {

  static final String UNAVAILABLE = "数据库暂时无法访问";
  static final Duration OUTAGE = Duration.ofSeconds(5);
  static final long SLOW_MILLIS = 10_000;
  static final int BURST = 50;

  /** spring.datasource.hikari.maximum-pool-size */
  static final int POOL = 10;

  static List<String> databases() {
    return List.of(System.getProperty("qunbei.outage.databases", "postgresql").split(","));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void whileTheDatabaseIsAwayEveryoneHears503AndTheAppRecoversByItself(String db) throws Exception {
    String[] server = fresh(db);
    var proxy = new CuttableProxy("127.0.0.1", Integer.parseInt(server[2]));
    var mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    Path log = Path.of("target/outage/" + db + ".log");
    Files.deleteIfExists(log);
    String viaProxy = server[0].replace(":" + server[2] + "/", ":" + proxy.port() + "/");
    var app =
        new AppProcess(
            Path.of(System.getProperty("qunbei.crash.jar", "target/qunbei.jar")),
            log,
            List.of(
                "--spring.datasource.url=" + viaProxy,
                "--spring.datasource.username=" + server[1],
                "--spring.datasource.password=",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--qunbei.notify.interval=PT0.3S"));
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      app.start(Duration.ofSeconds(120));
      int port = app.port();
      Map<String, String> tokens = CrashIT.tokens(port);
      Api applicant = Api.bearer(port, tokens.get("applicant"));
      var body = Samples.example();
      body.put("groupNumber", "88000001");
      long known = applicant.post("/api/filings", body.toString()).json().path("id").asLong();
      String probe = "/api/filings/" + known;
      var person = new PageSession(port, "applicant", "demo123");
      var stranger = new Stranger(port); // has the sign-in form, not yet signed in

      // Several clients file and approve all along.
      var acks = new ConcurrentLinkedQueue<CrashIT.Ack>();
      var refused = new AtomicInteger();
      var stop = new AtomicBoolean();
      ExecutorService clients = Executors.newFixedThreadPool(3);
      for (int c = 0; c < 3; c++) {
        clients.submit(new CrashIT.Client(port, tokens, acks, refused, stop));
      }
      Thread.sleep(2000);

      // The database goes away.
      long cut = System.nanoTime();
      proxy.cut();
      long firstRefusal = untilStatus(applicant, probe, 503, cut);
      Future<Api.Reply> api = pool.submit(() -> applicant.get(probe));
      Future<Api.Reply> basic = pool.submit(() -> Api.as(port, "depthead").get(probe));
      Future<HttpResponse<String>> page = pool.submit(() -> person.get("/filings/mine"));
      Future<HttpResponse<String>> write =
          pool.submit(() -> person.json("POST", "/api/filings", body.toString()));
      Future<HttpResponse<String>> signIn = pool.submit(stranger::signIn);
      Future<Api.Reply> health = pool.submit(() -> Api.anonymous(port).get("/actuator/health"));
      long livenessMax = 0;
      for (int i = 0; i < 10; i++) {
        long t = System.nanoTime();
        assertThat(Api.anonymous(port).get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(Api.anonymous(port).get("/css/qunbei.css").status()).isEqualTo(200);
        livenessMax = Math.max(livenessMax, (System.nanoTime() - t) / 1_000_000);
        Thread.sleep(100);
      }

      var problem = api.get();
      assertThat(problem.status()).isEqualTo(503);
      assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
      assertThat(problem.header("Retry-After")).isNotBlank();
      assertThat(problem.json().path("detail").asString()).contains(UNAVAILABLE);
      assertThat(problem.json().path("status").asInt()).isEqualTo(503);
      assertThat(basic.get().status()).as("a password that cannot be checked").isEqualTo(503);
      var shown = page.get();
      assertThat(shown.statusCode()).as("a signed-in person's page").isEqualTo(503);
      assertThat(shown.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(shown.headers().firstValue("Retry-After")).isPresent();
      assertThat(shown.body()).contains(UNAVAILABLE).doesNotContain("Exception", "at org.");
      assertThat(write.get().statusCode()).as("a write through the session").isEqualTo(503);
      assertThat(write.get().body()).contains(UNAVAILABLE);
      var signedIn = signIn.get();
      assertThat(signedIn.statusCode()).as("the sign-in form, not a wrong password").isEqualTo(503);
      assertThat(signedIn.body()).contains(UNAVAILABLE);
      var down = health.get();
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.json().path("status").asString()).isEqualTo("DOWN");

      long sinceCut = (System.nanoTime() - cut) / 1_000_000;
      Thread.sleep(Math.max(0, OUTAGE.toMillis() - sinceCut));

      // The database is back: the same clients are served, the same person still signed in.
      long back = System.nanoTime();
      proxy.restore();
      long recovered = untilStatus(applicant, probe, 200, back);
      assertThat(recovered).as("served again without a restart").isLessThan(10_000);
      var again = person.get("/filings/mine");
      assertThat(again.statusCode()).as("still signed in").isEqualTo(200);
      assertThat(again.body()).contains("本部门备案");
      Thread.sleep(1000);
      stop.set(true);
      clients.shutdown();
      assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

      // The database turns slow: a burst of DB-bound requests. Those that find no connection
      // give up after the pool's wait (connection-timeout, plus validation-timeout for a
      // connection found dead); at most the pool's size hold a connection and go at the
      // database's pace. What needs no database is answered at once all along.
      Thread.sleep(1000);
      proxy.delay(SLOW_MILLIS);
      long slow = System.nanoTime();
      List<Future<long[]>> burst = new ArrayList<>();
      for (int i = 0; i < BURST; i++) {
        burst.add(pool.submit(timed(applicant, probe)));
      }
      long cheapMax = 0;
      int cheapFailures = 0;
      long patience = System.nanoTime() + Duration.ofMillis(SLOW_MILLIS).toNanos();
      while (System.nanoTime() < patience
          && burst.stream().filter(Future::isDone).count() < BURST - POOL) {
        long t = System.nanoTime();
        var r =
            Api.anonymous(port)
                .send(
                    Api.anonymous(port)
                        .request("/actuator/health/liveness")
                        .timeout(Duration.ofSeconds(5))
                        .GET());
        if (r.status() != 200) {
          cheapFailures++;
        }
        cheapMax = Math.max(cheapMax, (System.nanoTime() - t) / 1_000_000);
        Thread.sleep(100);
      }
      long gaveUpIn = (System.nanoTime() - slow) / 1_000_000;
      long quickest = Long.MAX_VALUE;
      long slowestGivingUp = 0;
      int gaveUp = 0;
      for (var f : burst) {
        if (f.isDone() && f.get()[0] == 503) {
          gaveUp++;
          quickest = Math.min(quickest, f.get()[1]);
          slowestGivingUp = Math.max(slowestGivingUp, f.get()[1]);
        }
      }
      long unslowed = System.nanoTime();
      proxy.restore();
      long recoveredFromSlow = untilStatus(applicant, probe, 200, unslowed);
      Map<Long, Integer> statuses = new java.util.TreeMap<>();
      for (var f : burst) {
        statuses.merge(f.get()[0], 1, Integer::sum);
      }

      // Nothing lost, nothing half-written, the chain whole, each notice mailed once.
      List<Long> broken = CrashIT.brokenTrails(port, tokens.get("auditor"), acks);
      awaitNoticesDue(server, Duration.ofSeconds(30));
      CrashIT.awaitQuietMailbox(mail, Duration.ofSeconds(2));
      app.stop();
      CrashIT.Report report = CrashIT.check(new String[] {server[0], server[1]}, acks, mail);
      // A notice whose "sent" mark could not be written mid-outage was not kept by the mail server
      // either: it waits for its next attempt (a minute later), neither lost nor mailed twice.
      int deferred;
      try (Connection c = DriverManager.getConnection(server[0], server[1], "")) {
        deferred =
            CrashIT.count(
                c,
                // Still queued (an attempt cut by the outage, or not reached yet on a busy
                // machine): it will be mailed; a notice neither mailed nor queued would be lost.
                "select count(*) from notice where mail_status in ('PENDING', 'SENDING')"
                    + " and next_attempt_at is not null");
      }
      List<String> errors = new ArrayList<>();
      for (String line : Files.readAllLines(log)) {
        if (line.contains("Unexpected error on ")
            || line.contains("Unexpected page error")
            || line.contains("Servlet.service()")) {
          errors.add(line);
        }
      }

      System.out.printf(
          "%n[outage] %s: cut → first 503 in %d ms; restored → first 200 in %d ms; outage %d ms;"
              + " liveness and a static file during the outage: slowest %d ms; %d requests"
              + " acknowledged (%s), %d lost, %d half-written, %d filing numbers given twice,"
              + " %d refused during the outage; audit trails broken: %d; notices mailed %d,"
              + " twice %d, not yet %d (%d waiting for their next attempt); 500s logged: %d%n"
              + "[outage] %s: database %d ms slow, %d concurrent DB-bound requests: %d gave up"
              + " with 503 in %d–%d ms (the rest held a connection; once the database sped up"
              + " all answered: %s); liveness meanwhile: slowest %d ms, %d failed; slowness"
              + " lifted → first 200 in %d ms%n",
          db,
          firstRefusal,
          recovered,
          (back - cut) / 1_000_000,
          livenessMax,
          acks.size(),
          report.byKind,
          report.lost.size(),
          report.halfWritten.size(),
          report.duplicateNumbers,
          refused.get(),
          broken.size(),
          report.noticesMailed,
          report.sentTwice.size(),
          report.neverSent.size(),
          deferred,
          errors.size(),
          db,
          SLOW_MILLIS,
          BURST,
          gaveUp,
          quickest,
          slowestGivingUp,
          statuses,
          cheapMax,
          cheapFailures,
          recoveredFromSlow);

      assertThat(firstRefusal).as("the outage noticed within the pool's wait").isLessThan(8_000);
      assertThat(livenessMax).as("liveness while the database is away").isLessThan(2_000);
      assertThat(acks).as("the load reached the application").hasSizeGreaterThan(10);
      assertThat(report.lost).as("acknowledged but not found").isEmpty();
      assertThat(report.halfWritten).as("half-written filings").isEmpty();
      assertThat(report.duplicateNumbers).as("filing numbers given twice").isZero();
      assertThat(broken).as("filings whose audit trail does not verify").isEmpty();
      assertThat(deferred)
          .as("notices neither mailed nor due again")
          .isEqualTo(report.neverSent.size());
      assertThat(report.sentTwice).as("notices mailed twice").isEmpty();
      assertThat(errors).as("500s answered or logged").isEmpty();
      assertThat(gaveUp)
          .as("DB-bound requests that gave up within the pool's wait (%d ms)", gaveUpIn)
          .isGreaterThanOrEqualTo(BURST - POOL);
      assertThat(slowestGivingUp)
          .as("connection-timeout + validation-timeout, and a margin")
          .isLessThan(7_000);
      assertThat(statuses.keySet()).as("the burst's answers").isSubsetOf(200L, 503L);
      assertThat(cheapFailures).as("liveness refused while the database is slow").isZero();
      assertThat(cheapMax).as("liveness while the database is slow").isLessThan(2_000);
      assertThat(recoveredFromSlow).isLessThan(10_000);
    } finally {
      pool.shutdownNow();
      if (app.alive()) {
        app.kill();
      }
      proxy.close();
      mail.stop();
    }
  }

  /** Calls until the probe answers the status; milliseconds since {@code from}. */
  static long untilStatus(Api api, String path, int status, long from) throws Exception {
    long deadline = from + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      var r = api.send(api.request(path).timeout(Duration.ofSeconds(20)).GET());
      if (r.status() == status) {
        return (System.nanoTime() - from) / 1_000_000;
      }
      assertThat(r.status()).as("neither %d nor 200/503: %s", status, r.text()).isIn(200, 503);
      Thread.sleep(50);
    }
    throw new AssertionError("no " + status + " within 30 s");
  }

  /**
   * Waits until the dispatcher has taken every notice that is due (a round stuck on the slow
   * database finishes first); a notice waiting for a later attempt is not due.
   */
  static void awaitNoticesDue(String[] server, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    try (Connection c = DriverManager.getConnection(server[0], server[1], "")) {
      while (System.nanoTime() < deadline
          && CrashIT.count(
                  c,
                  "select count(*) from notice where mail_status = 'PENDING' and mail_attempts = 0")
              > 0) {
        Thread.sleep(200);
      }
    }
  }

  /** Status and milliseconds of one call. */
  static Callable<long[]> timed(Api api, String path) {
    return () -> {
      long t = System.nanoTime();
      var r = api.send(api.request(path).timeout(Duration.ofSeconds(60)).GET());
      return new long[] {r.status(), (System.nanoTime() - t) / 1_000_000};
    };
  }

  /** A fresh database of the kind: its direct JDBC URL, user and server port. */
  static String[] fresh(String db) throws Exception {
    return switch (db) {
      case "postgresql" -> {
        try (Connection c =
                DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
            Statement s = c.createStatement()) {
          s.execute("drop database if exists qunbei_outage with (force)");
          s.execute("create database qunbei_outage");
        }
        yield new String[] {"jdbc:postgresql://127.0.0.1:5432/qunbei_outage", "postgres", "5432"};
      }
      case "mariadb" -> {
        try (Connection c =
                DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/test", "root", "");
            Statement s = c.createStatement()) {
          s.execute("drop database if exists qunbei_outage");
          s.execute(
              "create database qunbei_outage character set utf8mb4 collate utf8mb4_unicode_ci");
        }
        yield new String[] {"jdbc:mariadb://127.0.0.1:3306/qunbei_outage", "root", "3306"};
      }
      default -> throw new IllegalArgumentException(db);
    };
  }

  /** A browser on the sign-in page, its form (and the session holding its token) fetched. */
  static final class Stranger {
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final int port;
    private final String csrf;

    Stranger(int port) throws Exception {
      this.port = port;
      String form = send(HttpRequest.newBuilder(uri("/login")).GET()).body();
      Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
      assertThat(m.find()).isTrue();
      csrf = m.group(1);
    }

    HttpResponse<String> signIn() throws Exception {
      return send(
          HttpRequest.newBuilder(uri("/login"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", "text/html")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "username=secrecy&password=demo123&_csrf="
                          + java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8))));
    }

    private HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
      return http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }
  }
}
