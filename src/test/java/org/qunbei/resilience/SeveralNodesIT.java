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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.qunbei.support.Api;
import org.qunbei.support.AppProcess;
import org.qunbei.support.Samples;
import org.qunbei.support.Sheets;

/**
 * Three app nodes on one PostgreSQL and one mail server, each request of the test sent to a node of
 * its choosing as a round-robin balancer would: a session made on one node serves on the others;
 * the same decision sent to the three nodes at once is recorded once; a change made on one node is
 * what the others serve at the next request; the scheduled sweeps run on one node per tick and each
 * notice is mailed once; an import whose node is killed mid-way is taken over by another node and
 * files each row once. The last test kills a node, so it runs last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralNodesIT {

  static final String DB = "jdbc:postgresql://127.0.0.1:5432/qunbei_nodes";
  static final Pattern RUN =
      Pattern.compile("^(\\S+T\\d\\d:\\d\\d:\\d\\d)\\S*\\s.*lifecycle sweeps: raised");
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  final List<AppProcess> nodes = new ArrayList<>();
  final List<Path> logs = new ArrayList<>();
  Map<String, String> tokens;

  @BeforeAll
  void start() throws Exception {
    try (Connection c =
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("drop database if exists qunbei_nodes with (force)");
      s.execute("create database qunbei_nodes");
    }
    Path jar = Path.of(System.getProperty("qunbei.crash.jar", "target/qunbei.jar"));
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
            "--qunbei.lifecycle.sweep-lock-at-least=PT1.5S",
            "--qunbei.registry.job-heartbeat=PT1S",
            "--qunbei.registry.job-silence=PT5S",
            "--qunbei.registry.job-takeover=PT1S");
    for (String name : List.of("a", "b", "c")) {
      Path log = Path.of("target/nodes/" + name + ".log");
      Files.deleteIfExists(log);
      logs.add(log);
      nodes.add(new AppProcess(jar, log, args));
    }
    nodes.get(0).start(Duration.ofSeconds(120)); // the first node migrates the schema
    ExecutorService starting = Executors.newFixedThreadPool(2);
    List<Future<Duration>> started = new ArrayList<>();
    for (AppProcess node : nodes.subList(1, 3)) {
      started.add(starting.submit(() -> node.start(Duration.ofSeconds(180))));
    }
    for (var f : started) {
      f.get();
    }
    starting.shutdown();
    tokens = CrashIT.tokens(port(0));
  }

  @AfterAll
  void stop() {
    nodes.forEach(
        n -> {
          if (n.alive()) {
            n.stop();
          }
        });
    mail.stop();
  }

  int port(int node) {
    return nodes.get(node).port();
  }

  /** As a person through the balancer's node {@code node}: an access token serves on every node. */
  Api on(int node, String user) {
    return Api.bearer(port(node), tokens.get(user));
  }

  @Test
  @Order(1)
  void theSameDecisionSentToThreeNodesAtOnceIsRecordedOnce() throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      var body = Samples.example();
      body.put("groupType", "QQ").put("groupNumber", String.valueOf(7655000 + i));
      long id =
          on(i % 3, "applicant").post("/api/filings", body.toString()).json().path("id").asLong();
      assertThat(on((i + 1) % 3, "applicant").post("/api/filings/" + id + "/submit", "").status())
          .isEqualTo(200);
      ids.add(id);
    }
    ExecutorService racers = Executors.newFixedThreadPool(3);
    Map<Long, List<Integer>> answers = new HashMap<>();
    try {
      for (long id : ids) {
        var go = new CountDownLatch(1);
        List<Future<Integer>> three = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
          Api depthead = on(node, "depthead");
          three.add(
              racers.submit(
                  () -> {
                    go.await();
                    return depthead
                        .post(
                            "/api/filings/" + id + "/decisions",
                            "{\"decision\":\"APPROVE\",\"opinion\":\"同意备案\"}")
                        .status();
                  }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var f : three) {
          statuses.add(f.get());
        }
        answers.put(id, statuses);
      }
    } finally {
      racers.shutdown();
    }
    assertThat(answers.values())
        .as("one of three racing decisions wins, the others hear 409: %s", answers)
        .allSatisfy(
            s -> {
              assertThat(s).filteredOn(x -> x == 200).hasSize(1);
              assertThat(s).filteredOn(x -> x != 200).containsOnly(409);
            });
    try (Connection c = DriverManager.getConnection(DB, "postgres", "");
        Statement s = c.createStatement()) {
      for (long id : ids) {
        assertThat(count(s, "select count(*) from review_decision where filing_id = " + id))
            .as("decisions recorded for filing %d", id)
            .isEqualTo(1);
        assertThat(
                count(
                    s,
                    "select count(*) from audit_event where action = 'APPROVED' and filing_id = "
                        + id))
            .as("approvals on the trail of filing %d", id)
            .isEqualTo(1);
        assertThat(
                count(
                    s,
                    "select count(*) from notice where recipient = 'secrecy' and filing_id = "
                        + id))
            .as("arrival notices of the next step for filing %d", id)
            .isEqualTo(1);
      }
    }
    var acks =
        ids.stream().map(id -> new CrashIT.Ack(CrashIT.Kind.DECIDED, id, "decided")).toList();
    assertThat(CrashIT.brokenTrails(port(2), tokens.get("auditor"), acks))
        .as("filings whose audit trail does not verify")
        .isEmpty();
  }

  @Test
  @Order(2)
  void aChangeMadeOnOneNodeIsWhatTheOthersServeAtTheNextRequest() throws Exception {
    // A draft edited on one node: the others show the new content and version at once.
    var body = Samples.example();
    body.put("groupType", "QQ").put("groupNumber", "7656000");
    long id = on(0, "applicant").post("/api/filings", body.toString()).json().path("id").asLong();
    String before = on(1, "applicant").get("/api/filings/" + id).header("ETag");
    body.put("groupName", "多节点改名后的群");
    var edited = on(0, "applicant").put("/api/filings/" + id, body.toString(), before);
    assertThat(edited.status()).as(edited.text()).isEqualTo(200);
    for (int node : List.of(1, 2)) {
      var seen = on(node, "applicant").get("/api/filings/" + id);
      assertThat(seen.json().path("groupName").asString()).isEqualTo("多节点改名后的群");
      assertThat(seen.header("ETag")).isNotEqualTo(before);
    }
    assertThat(on(2, "applicant").put("/api/filings/" + id, body.toString(), before).status())
        .as("an edit based on what node A has replaced")
        .isEqualTo(412);

    // The security administrator requires a second factor on one node: the others ask for it at
    // the next call of a password-only sign-in, and stop asking when it is lifted on a third.
    Api cyberByPassword = Api.as(port(1), "cyberoffice");
    assertThat(cyberByPassword.get("/api/filings").status()).isEqualTo(200);
    assertThat(
            Api.as(port(0), "secadmin")
                .put(
                    "/api/admin/security/second-factor",
                    "{\"roles\":[\"CYBERSPACE_OFFICE\"]}",
                    null)
                .status())
        .isEqualTo(200);
    try {
      for (int node : List.of(1, 2)) {
        var refused = Api.as(port(node), "cyberoffice").get("/api/filings");
        assertThat(refused.status()).as("node %d", node).isEqualTo(403);
      }
    } finally {
      Api.as(port(2), "secadmin").put("/api/admin/security/second-factor", "{\"roles\":[]}", null);
    }
    assertThat(Api.as(port(0), "cyberoffice").get("/api/filings").status()).isEqualTo(200);

    // An account disabled on one node: its browser session, made on another, ends on the third.
    var browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    signIn(browser, port(0), "leader");
    assertThat(page(browser, port(2), "/filings/mine").statusCode())
        .as("the session of node A on node C")
        .isEqualTo(200);
    Api admin = Api.as(port(1), "admin");
    var leader = account(admin, "leader");
    try {
      var disabled =
          admin.put("/api/admin/users/leader", leader.put("enabled", false).toString(), null);
      assertThat(disabled.status()).as(disabled.text()).isEqualTo(200);
      var after = page(browser, port(2), "/filings/mine");
      assertThat(after.statusCode()).isEqualTo(302);
      assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
      assertThat(Api.as(port(0), "leader").get("/api/filings").status()).isEqualTo(401);
    } finally {
      admin.put("/api/admin/users/leader", leader.put("enabled", true).toString(), null);
    }
  }

  @Test
  @Order(3)
  void eachScheduledSweepRunsOnOneNodeAndEachNoticeIsMailedOnce() throws Exception {
    long id = submitted(0, "7654321");
    try (Connection c = DriverManager.getConnection(DB, "postgres", "");
        Statement s = c.createStatement()) {
      s.executeUpdate("update filing set step_since = now() - interval '20 days' where id = " + id);
    }
    // A few more notices, each node's dispatcher racing the others' to mail them.
    for (int i = 0; i < 6; i++) {
      submitted(i % 3, String.valueOf(7654400 + i));
    }
    Thread.sleep(6_000);

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
    CrashIT.awaitQuietMailbox(mail, Duration.ofSeconds(3));
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
    Map<String, List<String>> runsBySecond = new HashMap<>();
    for (Path log : logs) {
      for (String line : Files.readAllLines(log)) {
        Matcher m = RUN.matcher(line);
        if (m.find()) {
          runsBySecond
              .computeIfAbsent(m.group(1), k -> new ArrayList<>())
              .add(log.getFileName().toString());
        }
      }
    }
    assertThat(runsBySecond).as("sweeps ran on the nodes").hasSizeGreaterThanOrEqualTo(3);
    assertThat(runsBySecond.values())
        .as("no tick swept on two nodes: %s", runsBySecond)
        .allSatisfy(n -> assertThat(n).hasSize(1));
  }

  @Test
  @Order(4)
  void anImportWhoseNodeIsKilledIsTakenOverAndFilesEachRowOnce() throws Exception {
    byte[] template = Api.as(port(0), "cyberoffice").get("/registry/import/template").bytes();
    String tag = Long.toString(System.nanoTime(), 36);
    int rows = 250;
    Map<String, String> example = Sheets.exampleRow(template, Map.of());
    List<Map<String, String>> lines = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      var line = new java.util.LinkedHashMap<>(example);
      line.put("备案表编号", "节点-" + tag + "-" + i);
      line.put("群名称", "多节点导入群" + tag + "-" + i);
      lines.add(line);
    }
    var started =
        on(2, "cyberoffice")
            .postBytes(
                "/api/registry/imports?fileName=nodes.xlsx", XLSX, Sheets.filled(template, lines));
    assertThat(started.status()).as(started.text()).isEqualTo(202);
    long job = Long.parseLong(started.header("Location").replaceAll(".*/", ""));

    String killedAt = null;
    try (Connection c = DriverManager.getConnection(DB, "postgres", "");
        Statement s = c.createStatement()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (killedAt == null && System.nanoTime() < deadline) {
        try (var rs =
            s.executeQuery("select status, done_rows from registry_job where id = " + job)) {
          rs.next();
          if (rs.getString(1).equals("RUNNING")) {
            nodes.get(2).kill();
            killedAt = rs.getString(1) + " " + rs.getInt(2) + "/" + rows;
          } else {
            assertThat(rs.getString(1))
                .as("the job finished before its node could be killed")
                .isEqualTo("QUEUED");
          }
        }
        Thread.sleep(20);
      }
    }
    assertThat(killedAt).as("the job's node killed while it ran").isNotNull();

    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    var status = on(0, "cyberoffice").get("/api/registry/jobs/" + job).json();
    while (!List.of("DONE", "FAILED").contains(status.path("status").asString())
        && System.nanoTime() < deadline) {
      Thread.sleep(250);
      status = on(0, "cyberoffice").get("/api/registry/jobs/" + job).json();
    }
    assertThat(status.path("status").asString()).as(status.toString()).isEqualTo("DONE");
    assertThat(status.path("importedRows").asInt()).isEqualTo(rows);
    try (Connection c = DriverManager.getConnection(DB, "postgres", "");
        Statement s = c.createStatement()) {
      String mine = "from filing where number like '节点-" + tag + "-%'";
      assertThat(count(s, "select count(*) " + mine)).as("filings of the import").isEqualTo(rows);
      assertThat(count(s, "select count(distinct number) " + mine)).isEqualTo(rows);
      assertThat(count(s, "select attempts from registry_job where id = " + job))
          .as("taken over once")
          .isEqualTo(2);
    }
    long takers = 0;
    for (Path log : logs.subList(0, 2)) {
      takers +=
          Files.readAllLines(log).stream()
              .filter(l -> l.contains("job " + job + " was cut off with its node: taken over here"))
              .count();
    }
    assertThat(takers).as("nodes that took the job over (killed at %s)", killedAt).isEqualTo(1);
  }

  private long submitted(int node, String groupNumber) {
    var body = Samples.example();
    body.put("groupType", "QQ").put("groupNumber", groupNumber);
    long id =
        on(node, "applicant").post("/api/filings", body.toString()).json().path("id").asLong();
    assertThat(on((node + 1) % 3, "applicant").post("/api/filings/" + id + "/submit", "").status())
        .isEqualTo(200);
    return id;
  }

  private static tools.jackson.databind.node.ObjectNode account(Api admin, String username) {
    for (var a : admin.get("/api/admin/users").json()) {
      if (a.path("username").asString().equals(username)) {
        var body = Api.JSON.createObjectNode();
        body.put("username", username);
        body.put("name", a.path("name").asString());
        body.put("department", a.path("department").asString(null));
        body.put("staffNumber", a.path("staffNumber").asString(null));
        body.put("email", a.path("email").asString(null));
        return body;
      }
    }
    throw new AssertionError("no account " + username);
  }

  private static void signIn(HttpClient browser, int port, String username) throws Exception {
    String loginPage = page(browser, port, "/login").body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
    assertThat(csrf.find()).isTrue();
    var signedIn =
        browser.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=" + username + "&password=demo123&_csrf=" + csrf.group(1)))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(signedIn.statusCode()).isEqualTo(302);
  }

  private static long count(Statement s, String sql) throws java.sql.SQLException {
    try (var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static HttpResponse<String> page(HttpClient browser, int port, String path)
      throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "text/html")
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
