package org.qunbei.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.FakeWebhook;
import org.qunbei.support.PageSession;
import org.qunbei.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Group robots against a local HTTP server standing in for the platforms' webhooks: each platform
 * gets its own format with the link to the decision form (and DingTalk's and Feishu's signatures),
 * a webhook that hangs, fails or refuses never holds a decision up and is retried until it takes
 * the post, and bad robots are refused naming the field. On each database (the *IT subclasses): the
 * outbox's claim and retry are the database's.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "qunbei.robots.interval=PT1H",
      "qunbei.robots.connect-timeout=PT2S",
      "qunbei.robots.read-timeout=PT2S",
      "qunbei.public-url=https://qunbei.example.edu.cn"
    })
abstract class RobotsContract {

  static final String PUBLIC = "https://qunbei.example.edu.cn";

  /** A webhook of each test's own. */
  final FakeWebhook hook = FakeWebhook.start();

  @LocalServerPort int port;
  @Autowired RobotDispatcher dispatcher;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void stop() {
    hook.close();
  }

  /** Each test starts with no robot, nothing queued and a webhook that answers. */
  @BeforeEach
  void empty() {
    jdbc.update("delete from robot_delivery");
    jdbc.update("delete from robot");
  }

  Api as(String user) {
    return Api.as(port, user);
  }

  long submitted() {
    long id =
        as("applicant")
            .post("/api/filings", Samples.example().toString())
            .json()
            .path("id")
            .asLong();
    assertThat(as("applicant").post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);
    return id;
  }

  long robot(String kind, String url, String secret, String department, String step) {
    var body =
        Api.JSON.createObjectNode().put("name", kind + " 审批群").put("kind", kind).put("url", url);
    if (secret != null) {
      body.put("secret", secret);
    }
    if (department != null) {
      body.put("department", department);
    }
    if (step != null) {
      body.put("step", step);
    }
    Api.Reply r = as("admin").post("/api/admin/robots", body.toString());
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  JsonNode robotState(long id) {
    for (JsonNode r : as("admin").get("/api/admin/robots").json()) {
      if (r.path("id").asLong() == id) {
        return r;
      }
    }
    throw new AssertionError("robot " + id + " not listed");
  }

  @Test
  void aWeComRobotPostsTheWaitingFilingWithTheLinkToItsDecisionForm() throws Exception {
    robot("WECOM", hook.url("/cgi-bin/webhook/send?key=k1"), null, "CS", "DEPARTMENT");
    long id = submitted();
    // Nothing is posted on the request itself: the outbox waits for the scheduler.
    assertThat(hook.received()).isEmpty();

    assertThat(dispatcher.sendDue()).isEqualTo(1);
    FakeWebhook.Received post = hook.received().get(0);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.path()).isEqualTo("/cgi-bin/webhook/send");
    assertThat(post.query()).isEqualTo("key=k1");
    JsonNode json = Api.JSON.readTree(post.body());
    assertThat(json.path("msgtype").asString()).isEqualTo("markdown");
    String content = json.path("markdown").path("content").asString();
    assertThat(content).contains("待审批").contains("所属部门审核");
    assertThat(content).contains("(" + PUBLIC + "/filings/" + id + "#decide)");

    // Its scope is the department's step: the filing moving on to the secrecy office is not posted.
    hook.clear();
    assertThat(
            as("depthead")
                .post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}")
                .status())
        .isEqualTo(200);
    assertThat(dispatcher.sendDue()).isZero();
    assertThat(hook.received()).isEmpty();
    assertThat(robotState(robotIdOf("WECOM")).path("lastDelivery").path("status").asString())
        .isEqualTo("SENT");
  }

  long robotIdOf(String kind) {
    return jdbc.queryForObject("select id from robot where kind = ?", Long.class, kind);
  }

  @Test
  void dingTalkAndFeishuGetTheirOwnFormatsSignedWithTheStoredSecret() throws Exception {
    robot("DINGTALK", hook.url("/robot/send?access_token=t1"), "SECding", null, "CONFIDENTIALITY");
    robot(
        "FEISHU", hook.url("/open-apis/bot/v2/hook/h1"), "feishu-secret", null, "CONFIDENTIALITY");
    long id = submitted();
    as("depthead").post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}");
    assertThat(dispatcher.sendDue()).isEqualTo(2);

    Map<String, FakeWebhook.Received> byPath = new LinkedHashMap<>();
    hook.received().forEach(r -> byPath.put(r.path(), r));
    FakeWebhook.Received ding = byPath.get("/robot/send");
    Map<String, String> q = query(ding.query());
    assertThat(q.get("access_token")).isEqualTo("t1");
    String ts = q.get("timestamp");
    assertThat(Math.abs(Long.parseLong(ts) - System.currentTimeMillis())).isLessThan(60_000);
    assertThat(q.get("sign")).isEqualTo(hmac("SECding", ts + "\nSECding"));
    JsonNode dj = Api.JSON.readTree(ding.body());
    assertThat(dj.path("msgtype").asString()).isEqualTo("markdown");
    assertThat(dj.path("markdown").path("title").asString()).startsWith("待审批");
    assertThat(dj.path("markdown").path("text").asString())
        .contains(PUBLIC + "/filings/" + id + "#decide")
        .contains("保密工作部门审核");

    FakeWebhook.Received feishu = byPath.get("/open-apis/bot/v2/hook/h1");
    JsonNode fj = Api.JSON.readTree(feishu.body());
    assertThat(fj.path("msg_type").asString()).isEqualTo("text");
    assertThat(fj.path("content").path("text").asString())
        .contains(PUBLIC + "/filings/" + id + "#decide");
    String fts = fj.path("timestamp").asString();
    assertThat(fj.path("sign").asString()).isEqualTo(hmac(fts + "\nfeishu-secret", ""));

    // The secrets are stored encrypted and never shown again.
    for (String stored : jdbc.queryForList("select secret from robot", String.class)) {
      assertThat(stored).doesNotContain("SECding").doesNotContain("feishu-secret").startsWith("v");
    }
    String listed = as("admin").get("/api/admin/robots").text();
    assertThat(listed).doesNotContain("SECding").doesNotContain("feishu-secret");
    assertThat(robotState(robotIdOf("DINGTALK")).path("signed").asBoolean()).isTrue();
  }

  @Test
  void aWebhookThatHangsFailsOrRefusesNeverHoldsADecisionAndIsRetriedUntilItTakesThePost()
      throws Exception {
    long robot = robot("WECOM", hook.url("/hook?key=slow"), null, null, null);
    hook.mode(FakeWebhook.Mode.HANG);
    long first = submitted();
    // A round of posts to the hanging webhook is under way …
    CompletableFuture<Integer> round = CompletableFuture.supplyAsync(() -> dispatcher.sendDue());
    assertThat(hook.await(1, Duration.ofSeconds(10))).hasSize(1);
    // … and a decision meanwhile is not slowed by it.
    long started = System.nanoTime();
    var decided =
        as("depthead").post("/api/filings/" + first + "/decisions", "{\"decision\":\"APPROVE\"}");
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(decided.status()).isEqualTo(200);
    assertThat(tookMs).isLessThan(1_500);
    assertThat(round.get()).isZero();
    JsonNode last = robotState(robot).path("lastDelivery");
    // The latest post (the filing now at the secrecy office) waits; the hung one is to be retried.
    Long hung =
        jdbc.queryForObject(
            "select min(id) from robot_delivery where robot_id = ?", Long.class, robot);
    Map<String, Object> row =
        jdbc.queryForMap(
            "select status, attempts, last_error from robot_delivery where id = ?", hung);
    assertThat(row.get("STATUS")).isEqualTo("PENDING");
    assertThat(row.get("ATTEMPTS")).isEqualTo(1);
    assertThat((String) row.get("LAST_ERROR")).contains("no answer");
    assertThat(last.path("status").asString()).isEqualTo("PENDING");

    // The webhook now fails outright, then answers 200 with the platform's own error code.
    hook.mode(FakeWebhook.Mode.FAIL);
    Instant t0 = Instant.now();
    dispatcher.sendDue(t0.plus(Duration.ofMinutes(2)));
    assertThat(
            jdbc.queryForObject(
                "select last_error from robot_delivery where id = ?", String.class, hung))
        .contains("HTTP 500");
    hook.mode(FakeWebhook.Mode.ERRCODE);
    // Not before its pause is over (1 and 2 minutes after the posts' last attempts) …
    hook.clear();
    assertThat(dispatcher.sendDue(t0.plus(Duration.ofSeconds(150)))).isZero();
    assertThat(hook.received()).isEmpty();
    dispatcher.sendDue(t0.plus(Duration.ofMinutes(5)));
    assertThat(
            jdbc.queryForObject(
                "select last_error from robot_delivery where id = ?", String.class, hung))
        .contains("93000");

    // … and once the webhook recovers, every post goes out, once.
    hook.mode(FakeWebhook.Mode.OK);
    hook.clear();
    assertThat(dispatcher.sendDue(t0.plus(Duration.ofMinutes(30)))).isEqualTo(2);
    assertThat(hook.received()).hasSize(2);
    assertThat(hook.received().get(0).body()).contains("/filings/" + first + "#decide");
    assertThat(dispatcher.sendDue(t0.plus(Duration.ofHours(2)))).isZero();
    assertThat(robotState(robot).path("lastDelivery").path("status").asString()).isEqualTo("SENT");
  }

  @Test
  void senderRoundsRunningAtOnceLikeTwoNodesPostEachMessageOnce() throws Exception {
    robot("FEISHU", hook.url("/open-apis/bot/v2/hook/nodes"), null, null, null);
    for (int i = 0; i < 3; i++) {
      submitted();
    }
    var start = new java.util.concurrent.CountDownLatch(1);
    // Threads of their own (the common pool may have a single one on a small machine).
    var nodes = java.util.concurrent.Executors.newFixedThreadPool(4);
    List<CompletableFuture<Integer>> rounds = new java.util.ArrayList<>();
    for (int node = 0; node < 4; node++) {
      rounds.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return dispatcher.sendDue();
              },
              nodes));
    }
    start.countDown();
    int posted = 0;
    for (var r : rounds) {
      posted += r.get();
    }
    nodes.shutdown();
    assertThat(posted).isEqualTo(3);
    assertThat(hook.received()).hasSize(3);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from robot_delivery where status = 'SENT' and attempts = 1",
                Integer.class))
        .isEqualTo(3);
  }

  @Test
  void robotsThatAreNotHttpOrPointAtQunbeiItselfAreRefusedNamingTheField() throws Exception {
    List<String> bad =
        List.of(
            "ftp://example.com/hook",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "http://user:pw@example.com/hook",
            "http://localhost:" + port + "/api/filings",
            "http://127.0.0.1:" + port + "/",
            "http://[::1]:" + port + "/",
            PUBLIC + "/robot",
            "https://QUNBEI.example.edu.cn:443/x",
            "not a url",
            "");
    for (String url : bad) {
      Api.Reply r =
          as("admin")
              .post(
                  "/api/admin/robots",
                  Api.JSON
                      .createObjectNode()
                      .put("name", "x")
                      .put("kind", "WECOM")
                      .put("url", url)
                      .toString());
      assertThat(r.status()).as(url).isEqualTo(400);
      assertThat(r.error("url")).as(url).isNotBlank();
    }
    Api.Reply kind =
        as("admin")
            .post(
                "/api/admin/robots",
                "{\"name\":\"x\",\"kind\":\"SLACK\",\"url\":\"" + hook.url("/h") + "\"}");
    assertThat(kind.status()).isEqualTo(400);
    assertThat(kind.error("kind")).isNotBlank();
    Api.Reply secret =
        as("admin")
            .post(
                "/api/admin/robots",
                "{\"name\":\"x\",\"kind\":\"WECOM\",\"secret\":\"s\",\"url\":\""
                    + hook.url("/h")
                    + "\",\"department\":\"NOPE\",\"step\":\"NOPE\"}");
    assertThat(secret.status()).isEqualTo(400);
    assertThat(secret.error("secret")).isNotBlank();
    assertThat(secret.error("department")).isNotBlank();
    assertThat(secret.error("step")).isNotBlank();
    Api.Reply types =
        as("admin")
            .post(
                "/api/admin/robots",
                "{\"name\":[1],\"kind\":{},\"url\":\""
                    + hook.url("/h")
                    + "\",\"enabled\":\"yes\"}");
    assertThat(types.status()).isEqualTo(400);
    assertThat(types.error("name")).isNotBlank();
    assertThat(types.error("kind")).isNotBlank();
    assertThat(types.error("enabled")).isNotBlank();
    assertThat(as("admin").post("/api/admin/robots", "[]").status()).isEqualTo(400);
    assertThat(jdbc.queryForObject("select count(*) from robot", Integer.class)).isZero();

    // Only the system administrator configures robots.
    for (String other : List.of("applicant", "cyberoffice", "secadmin", "auditor")) {
      assertThat(
              as(other)
                  .post(
                      "/api/admin/robots",
                      "{\"name\":\"x\",\"kind\":\"WECOM\",\"url\":\"" + hook.url("/h") + "\"}")
                  .status())
          .as(other)
          .isEqualTo(403);
    }

    // A change to a bad address is refused and changes nothing.
    long id = robot("WECOM", hook.url("/ok"), null, null, null);
    Api.Reply put =
        as("admin")
            .put(
                "/api/admin/robots/" + id,
                "{\"name\":\"x\",\"kind\":\"WECOM\",\"url\":\"http://localhost:" + port + "/\"}",
                null);
    assertThat(put.status()).isEqualTo(400);
    assertThat(put.error("url")).contains("群备");
    assertThat(robotState(id).path("url").asString()).isEqualTo(hook.url("/ok"));

    // On the page, the message stands beside the form and what was typed stays.
    var page = new PageSession(port, "admin", "demo123");
    var refused =
        page.form(
            "/admin/robots",
            Map.of(
                "name",
                "保密办审批群",
                "kind",
                "DINGTALK",
                "url",
                "ftp://example.com/x",
                "enabled",
                "1"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("Webhook 地址必须以 http:// 或 https:// 开头")
        .contains("value=\"保密办审批群\"")
        .contains("value=\"ftp://example.com/x\"")
        .contains("id=\"url-error\"");
  }

  @Test
  void aTestMessageSaysAtOnceWhetherThePlatformTookIt() {
    long id = robot("FEISHU", hook.url("/open-apis/bot/v2/hook/t"), null, null, null);
    JsonNode ok = as("admin").post("/api/admin/robots/" + id + "/test", "").json();
    assertThat(ok.path("lastDelivery").path("status").asString()).isEqualTo("SENT");
    assertThat(hook.received().get(0).body()).contains("测试消息");

    hook.mode(FakeWebhook.Mode.ERRCODE);
    JsonNode refused = as("admin").post("/api/admin/robots/" + id + "/test", "").json();
    assertThat(refused.path("lastDelivery").path("status").asString()).isEqualTo("FAILED");
    assertThat(refused.path("lastDelivery").path("lastError").asString()).contains("93000");

    // The page shows the robot's latest post.
    String page = new PageSession(port, "admin", "demo123").get("/admin/robots").body();
    assertThat(page).contains("发送失败").contains("93000").contains("发送测试消息");
  }

  @Test
  void creatingChangingAndDeletingARobotIsOnTheTrailWithoutItsKey() {
    long id = robot("WECOM", hook.url("/cgi-bin/webhook/send?key=topsecretkey"), null, null, null);
    assertThat(
            as("admin")
                .put(
                    "/api/admin/robots/" + id,
                    "{\"name\":\"改名\",\"kind\":\"WECOM\",\"url\":\""
                        + hook.url("/cgi-bin/webhook/send?key=topsecretkey")
                        + "\",\"enabled\":false}",
                    null)
                .status())
        .isEqualTo(200);
    assertThat(as("admin").delete("/api/admin/robots/" + id).status()).isEqualTo(204);
    assertThat(as("admin").delete("/api/admin/robots/" + id).status()).isEqualTo(404);
    assertThat(as("admin").get("/admin/robots/" + id).status()).isEqualTo(404);
    assertThat(as("admin").post("/api/admin/robots/" + id + "/test", "").status()).isEqualTo(404);

    String trail = as("auditor").get("/api/audit?action=ROBOT_CHANGED").text();
    assertThat(trail).contains("created").contains("changed").contains("deleted").contains("改名");
    assertThat(trail).doesNotContain("topsecretkey");
  }

  static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      q.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return q;
  }

  static String hmac(String key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }
}
