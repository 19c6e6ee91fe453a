package org.qunbei.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qunbei.support.Api;
import org.qunbei.support.AppProcess;
import org.qunbei.support.Samples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A filing acknowledged is a filing kept. Several clients file and approve over HTTP while the
 * application is killed with SIGKILL at random moments and started again on the same database.
 * Afterwards every request that got a 2xx must be found with its audit event, no filing number
 * given twice, nothing half-written, and every notice mailed exactly once.
 *
 * <p>{@code ./mvnw verify} kills it a few times on H2; {@code ./mvnw -Pcrash verify} many times on
 * H2 and PostgreSQL ({@code -Dqunbei.crash.kills=}, {@code -Dqunbei.crash.databases=}).
 */
class CrashIT {

  static final int KILLS = Integer.getInteger("qunbei.crash.kills", 3);
  static final int CLIENTS = Integer.getInteger("qunbei.crash.clients", 4);
  static final Map<String, String> DECIDERS =
      Map.of(
          "DEPARTMENT", "depthead",
          "CONFIDENTIALITY", "secrecy",
          "CYBERSPACE_OFFICE", "cyberoffice",
          "LEADER", "leader");

  static List<String> databases() {
    return List.of(System.getProperty("qunbei.crash.databases", "h2").split(","));
  }

  enum Kind {
    CREATED,
    SUBMITTED,
    DECIDED
  }

  /** A request the application answered with 2xx, and what it said. */
  record Ack(Kind kind, long filingId, String detail) {}

  @ParameterizedTest
  @MethodSource("databases")
  void everyAcknowledgedRequestSurvivesKills(String db) throws Exception {
    Path dir = Files.createTempDirectory("qunbei-crash-" + db);
    String[] database = database(db, dir);
    var mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    var app =
        new AppProcess(
            Path.of(System.getProperty("qunbei.crash.jar", "target/qunbei.jar")),
            Path.of("target/crash/" + db + ".log"),
            List.of(
                "--spring.datasource.url=" + database[0],
                "--spring.datasource.username=" + database[1],
                "--spring.datasource.password=",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--qunbei.notify.interval=PT0.2S",
                "--qunbei.notify.lease=PT3S"));
    List<Long> restarts = new ArrayList<>();
    var acks = new ConcurrentLinkedQueue<Ack>();
    var refused = new AtomicInteger();
    try {
      app.start(Duration.ofSeconds(120));
      Map<String, String> tokens = tokens(app.port());
      var stop = new AtomicBoolean();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      for (int c = 0; c < CLIENTS; c++) {
        clients.submit(new Client(app.port(), tokens, acks, refused, stop));
      }
      var random = new Random();
      for (int k = 0; k < KILLS; k++) {
        Thread.sleep(1500 + random.nextInt(3000));
        app.kill();
        restarts.add(app.start(Duration.ofSeconds(120)).toMillis());
      }
      Thread.sleep(1500);
      stop.set(true);
      clients.shutdown();
      assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

      List<Long> broken = brokenTrails(app.port(), tokens.get("auditor"), acks);
      long drain = System.nanoTime();
      awaitQuietMailbox(mail, Duration.ofSeconds(6));
      long drained = (System.nanoTime() - drain) / 1_000_000 - 6000;
      app.stop();

      Report report = check(database, acks, mail);
      Collections.sort(restarts);
      System.out.printf(
          "%n[crash] %s: %d kills survived, restart median %d ms; %d requests acknowledged"
              + " (%s), %d found, %d lost; %d filing numbers given twice; %d notices mailed,"
              + " %d sent twice, %d never sent, %d cut at the mark (backlog mailed within %d ms of"
              + " the load's end);"
              + " audit trails broken: %d; other answers: %d%n",
          db,
          KILLS,
          restarts.get(restarts.size() / 2),
          acks.size(),
          report.byKind,
          acks.size() - report.lost.size(),
          report.lost.size(),
          report.duplicateNumbers,
          report.noticesMailed,
          report.sentTwice.size(),
          report.neverSent.size(),
          report.lostAtTheMark.size(),
          Math.max(0, drained),
          broken.size(),
          refused.get());
      assertThat(acks).as("the load reached the application").hasSizeGreaterThan(20);
      assertThat(report.lost).as("acknowledged but not found").isEmpty();
      assertThat(report.duplicateNumbers).as("filing numbers given twice").isZero();
      assertThat(report.halfWritten).as("half-written filings").isEmpty();
      assertThat(broken).as("filings whose audit trail does not verify").isEmpty();
      assertThat(report.neverSent).as("notices never mailed").isEmpty();
      assertThat(report.lostAtTheMark.size())
          .as("mails cut between the sent mark and the final dot: one in flight per kill at most")
          .isLessThanOrEqualTo(KILLS);
      assertThat(report.sentTwice).as("notices mailed twice").isEmpty();
    } finally {
      if (app.alive()) {
        app.kill();
      }
      mail.stop();
    }
  }

  /** The JDBC URL and user of a fresh database of the given kind. */
  static String[] database(String db, Path dir) throws SQLException {
    return switch (db) {
      case "h2" ->
          new String[] {"jdbc:h2:file:" + dir.resolve("qunbei") + ";DB_CLOSE_ON_EXIT=FALSE", "sa"};
      case "postgresql" -> {
        try (Connection c =
                DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
            Statement s = c.createStatement()) {
          s.execute("drop database if exists qunbei_crash with (force)");
          s.execute("create database qunbei_crash");
        }
        yield new String[] {"jdbc:postgresql://127.0.0.1:5432/qunbei_crash", "postgres"};
      }
      default -> throw new IllegalArgumentException(db);
    };
  }

  /** One access token per demo user the clients act as (HTTP Basic would cost 50 ms a call). */
  static Map<String, String> tokens(int port) {
    var tokens = new HashMap<String, String>();
    for (String user :
        List.of("applicant", "depthead", "secrecy", "cyberoffice", "leader", "auditor")) {
      var r = Api.as(port, user).post("/api/me/tokens", "{\"name\":\"crash\",\"days\":\"7\"}");
      assertThat(r.status()).as(r.text()).isEqualTo(201);
      tokens.put(user, r.json().path("token").asString());
    }
    return tokens;
  }

  /**
   * One client: files a filing, submits it, has each step approve it, then starts the next. After
   * any failure it reads the filing again and goes on from where the application says it is, as a
   * person would after an error page.
   */
  record Client(
      int port,
      Map<String, String> tokens,
      ConcurrentLinkedQueue<Ack> acks,
      AtomicInteger refused,
      AtomicBoolean stop)
      implements Runnable {

    Api as(String user) {
      return Api.bearer(port, tokens.get(user));
    }

    Api.Reply call(Api api, String method, String path, String json) {
      var r = api.request(path).timeout(Duration.ofSeconds(30));
      if (json != null) {
        r.header("Content-Type", "application/json");
      }
      r.method(
          method,
          json == null
              ? java.net.http.HttpRequest.BodyPublishers.noBody()
              : java.net.http.HttpRequest.BodyPublishers.ofString(json));
      return api.send(r);
    }

    @Override
    public void run() {
      Map<String, Api> apis = new HashMap<>();
      tokens.keySet().forEach(u -> apis.put(u, as(u)));
      Long id = null;
      while (!stop.get()) {
        try {
          id = step(apis, id);
        } catch (UncheckedIOException | IllegalStateException down) {
          pause();
        }
      }
    }

    private Long step(Map<String, Api> apis, Long id) {
      Api applicant = apis.get("applicant");
      if (id == null) {
        ObjectNode body = Samples.example();
        body.put(
            "groupNumber",
            String.valueOf(100000000L + Math.abs(new Random().nextLong() % 899999999L)));
        var r = call(applicant, "POST", "/api/filings", body.toString());
        if (r.status() == 201) {
          long created = r.json().path("id").asLong();
          acks.add(new Ack(Kind.CREATED, created, body.path("groupName").asString()));
          return created;
        }
        refused.incrementAndGet();
        return null;
      }
      var f = call(applicant, "GET", "/api/filings/" + id, null);
      if (f.status() != 200) {
        refused.incrementAndGet();
        return f.status() == 404 ? null : id;
      }
      JsonNode filing = f.json();
      switch (filing.path("status").asString()) {
        case "DRAFT" -> {
          var r = call(applicant, "POST", "/api/filings/" + id + "/submit", "");
          if (r.status() == 200) {
            acks.add(new Ack(Kind.SUBMITTED, id, r.json().path("number").asString()));
          } else {
            refused.incrementAndGet();
          }
          return id;
        }
        case "IN_REVIEW" -> {
          String step = filing.path("currentStep").asString();
          var r =
              call(
                  apis.get(DECIDERS.get(step)),
                  "POST",
                  "/api/filings/" + id + "/decisions",
                  "{\"decision\":\"APPROVE\",\"opinion\":\"同意\"}");
          if (r.status() == 200) {
            acks.add(new Ack(Kind.DECIDED, id, step));
          } else {
            refused.incrementAndGet();
          }
          return id;
        }
        default -> {
          return null;
        }
      }
    }

    private static void pause() {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The acknowledged filings whose audit trail the application's own verification rejects. */
  static List<Long> brokenTrails(int port, String auditorToken, Iterable<Ack> acks) {
    Api auditor = Api.bearer(port, auditorToken);
    List<Long> broken = new ArrayList<>();
    java.util.Set<Long> ids = new java.util.TreeSet<>();
    acks.forEach(a -> ids.add(a.filingId()));
    for (long id : ids) {
      var r = auditor.get("/api/audit/verify?filing=" + id);
      if (r.status() != 200 || !r.json().path("intact").asBoolean()) {
        broken.add(id);
      }
    }
    // And the whole trail as one chain: no kill left a gap, a fork or a head out of step.
    var chain = auditor.get("/api/audit/chain");
    if (chain.status() != 200 || !chain.json().path("intact").asBoolean()) {
      broken.add(-1L);
    }
    return broken;
  }

  /** Waits until the mail server has received nothing new for a while (the sender's lease). */
  static void awaitQuietMailbox(GreenMail mail, Duration quiet) throws InterruptedException {
    int seen = -1;
    long quietSince = System.nanoTime();
    while (System.nanoTime() - quietSince < quiet.toNanos()) {
      int now = mail.getReceivedMessages().length;
      if (now != seen) {
        seen = now;
        quietSince = System.nanoTime();
      }
      Thread.sleep(200);
    }
  }

  static final class Report {
    final List<Ack> lost = new ArrayList<>();
    final List<String> halfWritten = new ArrayList<>();
    final List<Long> sentTwice = new ArrayList<>();
    final List<Long> neverSent = new ArrayList<>();

    /**
     * Marked sent, yet not in the mailbox: killed in the instant between the mark and the final "."
     * that makes the server keep the message (ADR 10) — at most the one message in flight per kill.
     */
    final List<Long> lostAtTheMark = new ArrayList<>();

    final Map<Kind, Integer> byKind = new TreeMap<>();
    int duplicateNumbers;
    int noticesMailed;
  }

  /** Reads the database as the application left it and holds every acknowledgement against it. */
  static Report check(String[] database, Iterable<Ack> acks, GreenMail mail) throws Exception {
    var report = new Report();
    try (Connection c = DriverManager.getConnection(database[0], database[1], "")) {
      Map<String, Long> numberOwner = new HashMap<>();
      for (Ack ack : acks) {
        report.byKind.merge(ack.kind(), 1, Integer::sum);
        boolean found =
            switch (ack.kind()) {
              case CREATED ->
                  exists(
                          c,
                          "select 1 from filing where id = ? and group_name = ?",
                          ack.filingId(),
                          ack.detail())
                      && exists(
                          c,
                          "select 1 from audit_event where filing_id = ? and action = 'DRAFT_CREATED'",
                          ack.filingId());
              case SUBMITTED -> {
                Long other = numberOwner.putIfAbsent(ack.detail(), ack.filingId());
                if (other != null && other != ack.filingId()) {
                  report.duplicateNumbers++;
                }
                yield exists(
                        c,
                        "select 1 from filing where id = ? and number = ?",
                        ack.filingId(),
                        ack.detail())
                    && exists(
                        c,
                        "select 1 from audit_event where filing_id = ? and action = 'SUBMITTED'",
                        ack.filingId());
              }
              case DECIDED ->
                  exists(
                          c,
                          "select 1 from review_decision where filing_id = ? and step = ?",
                          ack.filingId(),
                          ack.detail())
                      && exists(
                          c,
                          "select 1 from audit_event where filing_id = ? and action = 'APPROVED'",
                          ack.filingId());
            };
        if (!found) {
          report.lost.add(ack);
        }
      }
      report.duplicateNumbers +=
          count(
              c,
              "select count(*) from (select number from filing where number is not null group by number having count(*) > 1) d");
      java.util.Set<Long> filings = new java.util.TreeSet<>();
      acks.forEach(a -> filings.add(a.filingId()));
      for (long id : filings) {
        String status = string(c, "select status from filing where id = " + id);
        if (status == null) {
          continue; // reported as lost above
        }
        int team = count(c, "select count(*) from filing_team_member where filing_id = " + id);
        int decisions = count(c, "select count(*) from review_decision where filing_id = " + id);
        int decided =
            count(
                c,
                "select count(*) from audit_event where filing_id = "
                    + id
                    + " and action in ('APPROVED', 'RETURNED', 'REJECTED')");
        boolean numbered =
            exists(c, "select 1 from filing where id = ? and number is not null", id);
        if (team != 4
            || decisions != decided
            || ("FILED".equals(status) && decisions != 4)
            || (!"DRAFT".equals(status) && !numbered)) {
          report.halfWritten.add(
              "filing "
                  + id
                  + ": "
                  + status
                  + ", "
                  + team
                  + " team rows, "
                  + decisions
                  + " decisions, "
                  + decided
                  + " decision events, numbered "
                  + numbered);
        }
      }

      Map<Long, Integer> mailed = new HashMap<>();
      for (MimeMessage m : mail.getReceivedMessages()) {
        String[] h = m.getHeader("X-Qunbei-Notice");
        if (h != null) {
          mailed.merge(Long.parseLong(h[0]), 1, Integer::sum);
        }
      }
      report.noticesMailed = mailed.size();
      mailed.forEach(
          (id, n) -> {
            if (n > 1) {
              report.sentTwice.add(id);
            }
          });
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("select id, mail_status from notice where mail_status <> 'NONE'")) {
        while (rs.next()) {
          long id = rs.getLong(1);
          if (!"SENT".equals(rs.getString(2))) {
            report.neverSent.add(id);
          } else if (!mailed.containsKey(id)) {
            report.lostAtTheMark.add(id);
          }
        }
      }
    }
    return report;
  }

  static boolean exists(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  static int count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static String string(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
