package org.qunbei.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Section 五 through the API, on each database (see the *IT subclasses). */
abstract class ApprovalApiContract {

  @LocalServerPort int port;

  Api as(String user) {
    return Api.as(port, user);
  }

  long submitted(ObjectNode body) {
    var created = as("applicant").post("/api/filings", body.toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    var s = as("applicant").post("/api/filings/" + id + "/submit", "");
    assertThat(s.status()).as(s.text()).isEqualTo(200);
    return id;
  }

  Api.Reply decide(String user, long id, String decision, String opinion) {
    String body =
        opinion == null
            ? "{\"decision\":\"" + decision + "\"}"
            : "{\"decision\":\"" + decision + "\",\"opinion\":\"" + opinion + "\"}";
    return as(user).post("/api/filings/" + id + "/decisions", body);
  }

  JsonNode filing(long id) {
    return as("applicant").get("/api/filings/" + id).json();
  }

  /** Whether the filing is anywhere in the user's inbox (every page of it). */
  static boolean hasTask(Api api, long id) {
    for (int page = 0; ; page++) {
      JsonNode p = api.get("/api/tasks?size=100&page=" + page).json();
      for (JsonNode t : p.path("content")) {
        if (t.path("id").asLong() == id) {
          return true;
        }
      }
      if (page + 1 >= p.path("totalPages").asInt()) {
        return false;
      }
    }
  }

  @Test
  void fourOfficesApproveInTurnAndTheFilingIsFiled() {
    long id = submitted(Samples.example());
    String[][] chain = {
      {"depthead", "DEPARTMENT", "CONFIDENTIALITY"},
      {"secrecy", "CONFIDENTIALITY", "CYBERSPACE_OFFICE"},
      {"cyberoffice", "CYBERSPACE_OFFICE", "LEADER"},
      {"leader", "LEADER", null}
    };
    for (String[] step : chain) {
      assertThat(filing(id).path("currentStep").asString()).isEqualTo(step[1]);
      assertThat(hasTask(as(step[0]), id)).as(step[0] + " sees the task").isTrue();
      var r = decide(step[0], id, "APPROVE", null);
      assertThat(r.status()).as(r.text()).isEqualTo(200);
      assertThat(hasTask(as(step[0]), id)).isFalse();
    }
    JsonNode f = filing(id);
    assertThat(f.path("status").asString()).isEqualTo("FILED");
    assertThat(f.path("currentStep").isNull()).isTrue();
    assertThat(f.path("decisions").size()).isEqualTo(4);
    assertThat(f.path("decisions").get(0).path("opinion").asString()).isEqualTo("同意备案");
    assertThat(f.path("decisions").get(3).path("decidedBy").asString()).isEqualTo("leader");

    var audit = as("auditor").get("/api/audit?filing=" + id);
    List<String> actions = new ArrayList<>();
    audit.json().path("content").forEach(e -> actions.add(e.path("action").asString()));
    assertThat(actions)
        .containsExactly(
            "APPROVED", "APPROVED", "APPROVED", "APPROVED", "SUBMITTED", "DRAFT_CREATED");
    assertThat(
            as("auditor").get("/api/audit/verify?filing=" + id).json().path("intact").asBoolean())
        .isTrue();
    assertThat(as("applicant").get("/api/audit").status()).isEqualTo(403);
  }

  @Test
  void secretWorkGoesToThePartyOfficeInsteadOfTheConfidentialityOffice() {
    ObjectNode body = Samples.example();
    body.put("classified", true);
    long id = submitted(body);
    assertThat(decide("depthead", id, "APPROVE", "同意").status()).isEqualTo(200);
    assertThat(hasTask(as("secrecy"), id)).isFalse();
    assertThat(hasTask(as("partyoffice"), id)).isTrue();
    var refused = decide("secrecy", id, "APPROVE", null);
    assertThat(refused.status()).isIn(403, 404);
    assertThat(decide("partyoffice", id, "APPROVE", "涉密事项已审核").status()).isEqualTo(200);
    assertThat(filing(id).path("currentStep").asString()).isEqualTo("CYBERSPACE_OFFICE");
  }

  @Test
  void aReturnedFilingIsCorrectedAndGoesThroughTheChainAgain() {
    ObjectNode body = Samples.example();
    long id = submitted(body);
    assertThat(decide("depthead", id, "APPROVE", null).status()).isEqualTo(200);
    var back = decide("secrecy", id, "RETURN", "请补充外部人员保密协议");
    assertThat(back.status()).isEqualTo(200);
    JsonNode returned = filing(id);
    assertThat(returned.path("status").asString()).isEqualTo("RETURNED");
    String number = returned.path("number").asString();

    ((ObjectNode) body.path("rules")).put("admission", "邀请制；企业导师须签署保密协议。");
    assertThat(as("applicant").put("/api/filings/" + id, body.toString(), null).status())
        .isEqualTo(200);
    assertThat(as("applicant").post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);
    JsonNode again = filing(id);
    assertThat(again.path("currentStep").asString()).isEqualTo("DEPARTMENT");
    assertThat(again.path("number").asString()).isEqualTo(number);
    assertThat(decide("depthead", id, "APPROVE", null).status()).isEqualTo(200);
    JsonNode history = filing(id).path("decisions");
    assertThat(history.size()).isEqualTo(3);
    assertThat(history.get(1).path("decision").asString()).isEqualTo("RETURN");
    assertThat(history.get(2).path("round").asInt()).isEqualTo(2);
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  /**
   * A node keeps who holds an office between decisions (ADR 27); an office given or taken anywhere
   * else — on another node, at the SQL prompt — still reaches the very next decision's notices.
   */
  @Test
  void anOfficeGivenOrTakenElsewhereReachesTheVeryNextDecision() {
    long before = submitted(Samples.example());
    assertThat(decide("depthead", before, "APPROVE", null).status()).isEqualTo(200);
    assertThat(noticesAbout(as("secrecy"), before)).isPositive();
    assertThat(noticesAbout(as("partyoffice"), before)).isZero();
    long partyOffice =
        jdbc.queryForObject("select id from app_user where username = 'partyoffice'", Long.class);
    jdbc.update(
        "insert into user_role (user_id, role) values (?, 'CONFIDENTIALITY_OFFICE')", partyOffice);
    try {
      long given = submitted(Samples.example());
      assertThat(decide("depthead", given, "APPROVE", null).status()).isEqualTo(200);
      assertThat(noticesAbout(as("partyoffice"), given))
          .as("the office's new member is asked")
          .isPositive();
    } finally {
      jdbc.update(
          "delete from user_role where user_id = ? and role = 'CONFIDENTIALITY_OFFICE'",
          partyOffice);
    }
    long taken = submitted(Samples.example());
    assertThat(decide("depthead", taken, "APPROVE", null).status()).isEqualTo(200);
    assertThat(noticesAbout(as("partyoffice"), taken)).as("no longer of the office").isZero();
    assertThat(noticesAbout(as("secrecy"), taken)).isPositive();
  }

  /** How many of the user's notices are about the filing (every page of them). */
  static int noticesAbout(Api api, long filingId) {
    int found = 0;
    for (int page = 0; ; page++) {
      JsonNode content = api.get("/api/notices?page=" + page).json().path("content");
      if (content.isEmpty()) {
        return found;
      }
      for (JsonNode n : content) {
        if (n.path("filingId").asLong() == filingId) {
          found++;
        }
      }
    }
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.security.crypto.password.PasswordEncoder encoder;

  @Test
  void anApplicantWhoIsAlsoAnApproverNeverApprovesTheirOwnFiling() {
    String name = "dual" + System.nanoTime() % 100000;
    jdbc.update(
        "insert into app_user (username, display_name, password_hash, department_code, email, enabled)"
            + " values (?, ?, ?, 'CS', null, true)",
        name,
        "兼任网信办的申请人",
        encoder.encode("demo123"));
    Long userId =
        jdbc.queryForObject("select id from app_user where username = ?", Long.class, name);
    jdbc.update("insert into user_role (user_id, role) values (?, 'APPLICANT')", userId);
    jdbc.update("insert into user_role (user_id, role) values (?, 'CYBERSPACE_OFFICE')", userId);
    Api dual = as(name);
    long id = dual.post("/api/filings", Samples.example().toString()).json().path("id").asLong();
    assertThat(dual.post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);
    assertThat(decide("depthead", id, "APPROVE", null).status()).isEqualTo(200);
    assertThat(decide("secrecy", id, "APPROVE", null).status()).isEqualTo(200);
    assertThat(hasTask(dual, id)).isFalse();
    assertThat(hasTask(as("cyberoffice"), id)).isTrue();
    var own = dual.post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}");
    assertThat(own.status()).isEqualTo(403);
    assertThat(own.json().path("detail").asString()).isEqualTo("不能审批本人提交的备案");
  }

  @Test
  void aRejectedFilingIsFinal() {
    long id = submitted(Samples.example());
    assertThat(decide("depthead", id, "REJECT", "该群与已备案群重复").status()).isEqualTo(200);
    assertThat(filing(id).path("status").asString()).isEqualTo("REJECTED");
    assertThat(
            as("applicant").put("/api/filings/" + id, Samples.example().toString(), null).status())
        .isEqualTo(409);
    assertThat(as("applicant").post("/api/filings/" + id + "/submit", "").status()).isEqualTo(409);
    assertThat(decide("secrecy", id, "APPROVE", null).status()).isEqualTo(409);

    // … but the applicant can start a new draft from it.
    var copy = as("applicant").post("/api/filings/" + id + "/copy", "");
    assertThat(copy.status()).as(copy.text()).isEqualTo(201);
    assertThat(copy.json().path("status").asString()).isEqualTo("DRAFT");
    assertThat(copy.json().path("number").isNull()).isTrue();
    assertThat(copy.json().path("groupName").asString())
        .isEqualTo(filing(id).path("groupName").asString());
    assertThat(as("applicant2").post("/api/filings/" + id + "/copy", "").status()).isEqualTo(404);
  }

  @Test
  void theApplicantWithdrawsUntilTheFirstStepDecides() {
    long id = submitted(Samples.example());
    var w = as("applicant").post("/api/filings/" + id + "/withdraw", "");
    assertThat(w.status()).as(w.text()).isEqualTo(200);
    assertThat(w.json().path("status").asString()).isEqualTo("DRAFT");
    assertThat(w.json().path("number").asString()).startsWith("QB-");
    assertThat(as("applicant").post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);
    assertThat(decide("depthead", id, "APPROVE", null).status()).isEqualTo(200);
    var late = as("applicant").post("/api/filings/" + id + "/withdraw", "");
    assertThat(late.status()).isEqualTo(409);
    assertThat(as("applicant2").post("/api/filings/" + id + "/withdraw", "").status())
        .isEqualTo(404);
  }

  @Test
  void onlyTheCurrentStepsDecidersDecide() {
    long id = submitted(Samples.example());
    assertThat(decide("cyberoffice", id, "APPROVE", null).status()).isEqualTo(403);
    assertThat(decide("depthead2", id, "APPROVE", null).status()).isEqualTo(404);
    assertThat(decide("applicant", id, "APPROVE", null).status()).isEqualTo(403);
    assertThat(decide("depthead", id, "APPROVE", null).status()).isEqualTo(200);
    var again = decide("depthead", id, "APPROVE", null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("detail").asString()).contains("该环节已由", "审批");
  }

  @Test
  void badDecisionsAreRefusedAndChangeNothing() {
    long id = submitted(Samples.example());
    assertThat(decide("depthead", id, "RETURN", null).error("opinion"))
        .isEqualTo("退回修改或不予备案时须填写审核意见");
    assertThat(decide("depthead", id, "REJECT", " ").status()).isEqualTo(400);
    assertThat(decide("depthead", id, "APPROVE", "长".repeat(501)).error("opinion"))
        .contains("不能超过500个字");
    assertThat(decide("depthead", id, "MAYBE", null).error("decision")).contains("MAYBE");
    assertThat(as("depthead").post("/api/filings/" + id + "/decisions", "{}").error("decision"))
        .isNotNull();
    var forged =
        as("depthead")
            .post(
                "/api/filings/" + id + "/decisions",
                "{\"decision\":\"APPROVE\",\"step\":\"LEADER\",\"role\":\"LEADER\"}");
    assertThat(forged.status()).isEqualTo(200);
    assertThat(filing(id).path("currentStep").asString()).isEqualTo("CONFIDENTIALITY");
    var stale =
        as("secrecy")
            .send(
                as("secrecy")
                    .request("/api/filings/" + id + "/decisions")
                    .header("Content-Type", "application/json")
                    .header("If-Match", "\"0\"")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"decision\":\"APPROVE\"}")));
    assertThat(stale.status()).isEqualTo(412);
    assertThat(filing(id).path("decisions").size()).isEqualTo(1);
  }

  @Test
  void theApplicantNeverApprovesTheirOwnFiling() {
    // depthead files for the SMART working group as an applicant would; as its head they may
    // not then approve it.
    long id = submitted(Samples.example());
    assertThat(
            as("applicant")
                .post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}")
                .status())
        .isEqualTo(403);
  }

  @Test
  void twoApproversDecidingAtOnceEndWithExactlyOneDecision() throws Exception {
    for (int round = 0; round < 20; round++) {
      long id = submitted(Samples.example());
      assertThat(decide("depthead", id, "APPROVE", null).status()).isEqualTo(200);
      // secrecy twice at the same moment: two sessions of the same office.
      var pool = Executors.newFixedThreadPool(6);
      var start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return decide("secrecy", id, "APPROVE", "同意").status();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (var r : results) {
        statuses.add(r.get());
      }
      pool.shutdown();
      assertThat(statuses).as("round %d", round).containsOnlyOnce(200).containsOnly(200, 409);
      JsonNode f = filing(id);
      assertThat(f.path("decisions").size()).isEqualTo(2);
      assertThat(f.path("currentStep").asString()).isEqualTo("CYBERSPACE_OFFICE");
      long approvals = 0;
      for (JsonNode e : as("auditor").get("/api/audit?filing=" + id).json().path("content")) {
        if (e.path("action").asString().equals("APPROVED")) {
          approvals++;
        }
      }
      assertThat(approvals).isEqualTo(2);
    }
  }

  @Test
  void aTaskIsHandedToAColleagueWithAReasonWhoThenAloneDecides() {
    long id = submitted(Samples.example());
    assertThat(decide("depthead", id, "APPROVE", null).status()).isEqualTo(200);
    var noReason = as("secrecy").post("/api/filings/" + id + "/transfers", "{\"to\":\"secrecy2\"}");
    assertThat(noReason.error("reason")).isEqualTo("转办须说明理由");
    var wrongOffice =
        as("secrecy")
            .post(
                "/api/filings/" + id + "/transfers", "{\"to\":\"cyberoffice\",\"reason\":\"出差\"}");
    assertThat(wrongOffice.error("to")).contains("同一部门或办公室");
    assertThat(
            as("cyberoffice")
                .post(
                    "/api/filings/" + id + "/transfers", "{\"to\":\"secrecy2\",\"reason\":\"出差\"}")
                .status())
        .isEqualTo(403);

    var handed =
        as("secrecy")
            .post(
                "/api/filings/" + id + "/transfers",
                "{\"to\":\"secrecy2\",\"reason\":\"本人出差，请代为审核\"}");
    assertThat(handed.status()).as(handed.text()).isEqualTo(200);
    assertThat(hasTask(as("secrecy"), id)).isFalse();
    assertThat(hasTask(as("secrecy2"), id)).isTrue();
    assertThat(decide("secrecy", id, "APPROVE", null).status()).isEqualTo(403);
    assertThat(decide("secrecy2", id, "APPROVE", "代为审核同意").status()).isEqualTo(200);
    assertThat(filing(id).path("currentStep").asString()).isEqualTo("CYBERSPACE_OFFICE");

    List<String> actions = new ArrayList<>();
    as("auditor")
        .get("/api/audit?filing=" + id)
        .json()
        .path("content")
        .forEach(e -> actions.add(e.path("action").asString()));
    assertThat(actions).contains("TRANSFERRED");
    assertThat(as("secrecy2").get("/api/notices").json().path("content").toString())
        .contains("转办给您审批");
  }

  static byte[] png(int w, int h) {
    try {
      var img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
      var out = new java.io.ByteArrayOutputStream();
      javax.imageio.ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aDecisionCarriesTheSignatureAndStampCurrentWhenItWasMade() {
    var sig = as("depthead").putBytes("/api/me/signature", "image/png", png(120, 40));
    assertThat(sig.status()).as(sig.text()).isEqualTo(200);
    long signatureId = sig.json().path("id").asLong();
    var stamp = as("secadmin").putBytes("/api/stamps/CS", "image/png", png(80, 80));
    assertThat(stamp.status()).as(stamp.text()).isEqualTo(200);
    long stampId = stamp.json().path("id").asLong();
    assertThat(as("depthead").putBytes("/api/stamps/CS", "image/png", png(80, 80)).status())
        .isEqualTo(403);
    assertThat(
            as("secadmin").putBytes("/api/stamps/NOWHERE", "image/png", png(80, 80)).error("owner"))
        .contains("NOWHERE");
    assertThat(
            as("depthead")
                .putBytes(
                    "/api/me/signature",
                    "image/png",
                    "不是图片".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .error("signature"))
        .isEqualTo("签名图片：上传的文件不是有效的PNG或JPEG图片");

    long id = submitted(Samples.example());
    assertThat(decide("depthead", id, "APPROVE", null).status()).isEqualTo(200);
    // A later signature does not rewrite the record.
    as("depthead").putBytes("/api/me/signature", "image/png", png(100, 30));

    JsonNode d = filing(id).path("decisions").get(0);
    assertThat(d.path("signatureImageId").asLong()).isEqualTo(signatureId);
    assertThat(d.path("stampImageId").asLong()).isEqualTo(stampId);
    java.time.Instant at = java.time.Instant.parse(d.path("decidedAt").asString());
    assertThat(java.time.Duration.between(at, java.time.Instant.now()).abs())
        .isLessThan(java.time.Duration.ofMinutes(2));

    var seen = as("applicant").get("/seals/" + signatureId);
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.header("Content-Type")).isEqualTo("image/png");
    assertThat(as("applicant2").get("/seals/" + signatureId).status()).isEqualTo(404);
  }
}
