package org.qunbei.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.AppProcess;
import org.qunbei.support.Samples;

/**
 * Two app nodes on one PostgreSQL and one mail server, the scheduled jobs running on both: the
 * deadline sweeps (every two seconds here) run on one node per tick (the other finds the lock
 * taken), a stalled step is alerted and its deciders notified exactly once, and the mail dispatcher
 * of both nodes mails every notice exactly once.
 */
class TwoNodesIT {

  static final String DB = "jdbc:postgresql://127.0.0.1:5432/qunbei_nodes";
  static final Pattern RUN =
      Pattern.compile("^(\\S+T\\d\\d:\\d\\d:\\d\\d)\\S*\\s.*lifecycle sweeps: raised");

  @Test
  void eachScheduledSweepRunsOnOneNodeAndAlertsOnceAndASessionServesBothNodes() throws Exception {
    try (Connection c =
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("drop database if exists qunbei_nodes with (force)");
      s.execute("create database qunbei_nodes");
    }
    Path jar = Path.of(System.getProperty("qunbei.crash.jar", "target/qunbei.jar"));
    var mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    List<String> args =
        List.of(
            "--spring.datasource.url=" + DB,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + mail.getSmtp().getPort(),
            "--qunbei.notify.interval=PT0.3S",
            "--qunbei.lifecycle.sweep-cron=*/2 * * * * *",
            "--qunbei.lifecycle.sweep-lock-at-least=PT1.5S");
    Path logA = Path.of("target/nodes/a.log");
    Path logB = Path.of("target/nodes/b.log");
    Files.deleteIfExists(logA);
    Files.deleteIfExists(logB);
    var a = new AppProcess(jar, logA, args);
    var b = new AppProcess(jar, logB, args);
    try {
      a.start(Duration.ofSeconds(120)); // the first node migrates the schema
      b.start(Duration.ofSeconds(120));
      var applicant = Api.as(a.port(), "applicant");
      var body = Samples.example();
      body.put("groupType", "QQ").put("groupNumber", "7654321");
      long id = applicant.post("/api/filings", body.toString()).json().path("id").asLong();
      assertThat(Api.as(b.port(), "applicant").post("/api/filings/" + id + "/submit", "").status())
          .isEqualTo(200);
      try (Connection c = DriverManager.getConnection(DB, "postgres", "");
          Statement s = c.createStatement()) {
        s.executeUpdate(
            "update filing set step_since = now() - interval '20 days' where id = " + id);
      }
      // A few more notices, each node's dispatcher racing the other's to mail them.
      for (int i = 0; i < 6; i++) {
        var other = Samples.example();
        other.put("groupType", "QQ").put("groupNumber", String.valueOf(7654400 + i));
        long more = applicant.post("/api/filings", other.toString()).json().path("id").asLong();
        Api.as((i % 2 == 0 ? a : b).port(), "applicant")
            .post("/api/filings/" + more + "/submit", "");
      }
      // A browser signed in on one node is signed in on the other: sessions are database rows.
      var browser =
          java.net.http.HttpClient.newBuilder()
              .cookieHandler(new java.net.CookieManager())
              .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
              .build();
      String loginPage = page(browser, a.port(), "/login").body();
      Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
      assertThat(csrf.find()).isTrue();
      var signedIn =
          browser.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://localhost:" + a.port() + "/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "username=applicant&password=demo123&_csrf=" + csrf.group(1)))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.discarding());
      assertThat(signedIn.statusCode()).isEqualTo(302);
      var onB = page(browser, b.port(), "/filings/mine");
      assertThat(onB.statusCode()).as("the session of node A on node B").isEqualTo(200);
      assertThat(onB.body()).contains("本部门备案");
      Thread.sleep(10_000);

      try (Connection c = DriverManager.getConnection(DB, "postgres", "");
          Statement s = c.createStatement()) {
        assertThat(count(s, "select count(*) from lifecycle_alert where filing_id = " + id))
            .isEqualTo(1);
        assertThat(
                count(
                    s,
                    "select count(*) from notice where recipient = 'depthead' and filing_id = "
                        + id
                        + " and title like '备案等待处理已超时%'"))
            .isEqualTo(1);
      }
      Map<Long, Integer> mailed = new HashMap<>();
      for (var m : mail.getReceivedMessages()) {
        String[] h = m.getHeader("X-Qunbei-Notice");
        if (h != null) {
          mailed.merge(Long.parseLong(h[0]), 1, Integer::sum);
        }
      }
      try (Connection c = DriverManager.getConnection(DB, "postgres", "");
          Statement s = c.createStatement()) {
        long notices = count(s, "select count(*) from notice where email is not null");
        assertThat(notices).as("notices to mail").isGreaterThanOrEqualTo(7);
        assertThat(mailed).as("each notice mailed once, by one node").hasSize((int) notices);
        assertThat(mailed.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
      }
    } finally {
      a.stop();
      b.stop();
      mail.stop();
    }
    Map<String, List<String>> runsBySecond = new HashMap<>();
    for (Path log : List.of(logA, logB)) {
      for (String line : Files.readAllLines(log)) {
        Matcher m = RUN.matcher(line);
        if (m.find()) {
          runsBySecond
              .computeIfAbsent(m.group(1), k -> new ArrayList<>())
              .add(log.getFileName().toString());
        }
      }
    }
    assertThat(runsBySecond).as("sweeps ran on the two nodes").hasSizeGreaterThanOrEqualTo(3);
    assertThat(runsBySecond.values())
        .as("no tick swept on both nodes: %s", runsBySecond)
        .allSatisfy(nodes -> assertThat(nodes).hasSize(1));
  }

  private static long count(Statement s, String sql) throws java.sql.SQLException {
    try (var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static java.net.http.HttpResponse<String> page(
      java.net.http.HttpClient browser, int port, String path) throws Exception {
    return browser.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
            .header("Accept", "text/html")
            .build(),
        java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
  }
}
