package org.qunbei.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.PageSession;
import org.qunbei.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Delegation while away (委托) through the API and the pages, on each database. */
abstract class DelegationContract {

  static final String X_FOR_Y = "保密办（二） 代 保密办";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired PasswordEncoder encoder;
  @Autowired DelegationService delegations;

  /** Every delegation a test made is cancelled after it, so the next one starts with none. */
  private final List<String[]> made = new ArrayList<>();

  Api as(String user) {
    return Api.as(port, user);
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  static String body(String delegate, Object from, Object to) {
    return "{\"delegate\":\"" + delegate + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
  }

  long delegation(String who, String delegate, LocalDate from, LocalDate to) {
    var r = as(who).post("/api/me/delegations", body(delegate, from, to));
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    long id = r.json().path("id").asLong();
    made.add(new String[] {who, String.valueOf(id)});
    return id;
  }

  /** The caller's delegation of this id, as the list shows it. */
  JsonNode listed(String who, long id) {
    for (JsonNode d : as(who).get("/api/me/delegations").json()) {
      if (d.path("id").asLong() == id) {
        return d;
      }
    }
    throw new AssertionError("delegation " + id + " not listed for " + who);
  }

  @AfterEach
  void cancelWhatWasMade() {
    made.forEach(m -> as(m[0]).delete("/api/me/delegations/" + m[1]));
  }

  long submitted(String applicant) {
    var created = as(applicant).post("/api/filings", Samples.example().toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    var s = as(applicant).post("/api/filings/" + id + "/submit", "");
    assertThat(s.status()).as(s.text()).isEqualTo(200);
    return id;
  }

  Api.Reply decide(String user, long id) {
    return as(user).post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}");
  }

  static boolean hasTask(Api api, long id) {
    return ApprovalApiContract.hasTask(api, id);
  }

  /** A new account with these roles in this department (null for a school office). */
  String person(String prefix, String name, String dept, String... roles) {
    String username = prefix + System.nanoTime() % 1000000;
    jdbc.update(
        "insert into app_user (username, display_name, password_hash, department_code, email,"
            + " enabled) values (?, ?, ?, ?, null, true)",
        username,
        name,
        encoder.encode("demo123"),
        dept);
    Long id =
        jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    for (String role : roles) {
      jdbc.update("insert into user_role (user_id, role) values (?, ?)", id, role);
    }
    return username;
  }

  List<String> auditActions(long filingId) {
    List<String> actions = new ArrayList<>();
    as("auditor")
        .get("/api/audit?size=100&filing=" + filingId)
        .json()
        .path("content")
        .forEach(e -> actions.add(e.path("action").asString()));
    return actions;
  }

  @Test
  void whileTheOfficeIsAwayItsTasksGoToTheDelegateAndEveryRecordReadsXForY() throws Exception {
    long id0 = delegation("secrecy", "secrecy2", today(), today().plusDays(2));
    JsonNode listed = listed("secrecy", id0);
    assertThat(listed.path("delegate").asString()).isEqualTo("secrecy2");
    assertThat(listed.path("delegateName").asString()).isEqualTo("保密办（二）");
    assertThat(listed.path("state").asString()).isEqualTo("ACTIVE");
    assertThat(listed.path("from").asString()).isEqualTo(today().toString());
    assertThat(listed.path("to").asString()).isEqualTo(today().plusDays(2).toString());
    // The delegate hears of it.
    assertThat(as("secrecy2").get("/api/notices").text()).contains("保密办委托您代为审批");

    long id = submitted("applicant");
    var passedOn = decide("depthead", id);
    assertThat(passedOn.status()).isEqualTo(200);
    // The answer names the version the hand-over to the delegate left, so its ETag still serves.
    long version = as("applicant").get("/api/filings/" + id).json().path("version").asLong();
    assertThat(passedOn.json().path("version").asLong()).isEqualTo(version);
    assertThat(passedOn.header("ETag")).isEqualTo("\"" + version + "\"");
    // Arrived at the confidentiality step while 保密办 is away: the delegate's alone.
    assertThat(hasTask(as("secrecy2"), id)).isTrue();
    assertThat(hasTask(as("secrecy"), id)).isFalse();
    assertThat(decide("secrecy", id).status()).isEqualTo(403);
    assertThat(as("secrecy2").get("/api/notices").text()).contains("代保密办审批");

    var approved = decide("secrecy2", id);
    assertThat(approved.status()).as(approved.text()).isEqualTo(200);
    JsonNode d = as("applicant").get("/api/filings/" + id).json().path("decisions").get(1);
    assertThat(d.path("decidedBy").asString()).isEqualTo("secrecy2");
    assertThat(d.path("decidedByName").asString()).isEqualTo("保密办（二）");
    assertThat(d.path("onBehalfOf").asString()).isEqualTo("secrecy");
    assertThat(d.path("onBehalfOfName").asString()).isEqualTo("保密办");
    assertThat(d.path("signedAs").asString()).isEqualTo(X_FOR_Y);
    // The department head decided in person: the name alone.
    JsonNode head = as("applicant").get("/api/filings/" + id).json().path("decisions").get(0);
    assertThat(head.path("onBehalfOf").isNull()).isTrue();
    assertThat(head.path("signedAs").asString()).isEqualTo("王建国（计算机学院院长）");

    assertThat(decide("cyberoffice", id).status()).isEqualTo(200);
    assertThat(decide("leader", id).status()).isEqualTo(200);

    var page = new PageSession(port, "applicant", "demo123").get("/filings/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(X_FOR_Y);

    var pdf = as("applicant").get("/api/filings/" + id + "/pdf");
    assertThat(pdf.status()).isEqualTo(200);
    try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
      assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", ""))
          .contains(X_FOR_Y.replace(" ", ""));
    }
    var docx = as("applicant").get("/api/filings/" + id + "/docx");
    assertThat(docx.status()).isEqualTo(200);
    try (var word = new XWPFDocument(new ByteArrayInputStream(docx.bytes()));
        var text = new XWPFWordExtractor(word)) {
      assertThat(text.getText()).contains(X_FOR_Y);
    }
    assertThat(auditActions(id)).contains("TASK_DELEGATED");

    // Back early: cancelled, new tasks are the office's again and read as themselves.
    assertThat(as("secrecy").delete("/api/me/delegations/" + id0).status()).isEqualTo(204);
    assertThat(listed("secrecy", id0).path("state").asString()).isEqualTo("CANCELLED");
    assertThat(as("secrecy").delete("/api/me/delegations/" + id0).status()).isEqualTo(409);
    long next = submitted("applicant");
    assertThat(decide("depthead", next).status()).isEqualTo(200);
    assertThat(hasTask(as("secrecy"), next)).isTrue();
    assertThat(hasTask(as("secrecy2"), next)).isTrue();
    assertThat(decide("secrecy", next).status()).isEqualTo(200);
    JsonNode own = as("applicant").get("/api/filings/" + next).json().path("decisions").get(1);
    assertThat(own.path("signedAs").asString()).isEqualTo("保密办");
    assertThat(own.path("onBehalfOf").isNull()).isTrue();
  }

  @Test
  void whileAnotherMemberOfTheOfficeIsInTheOfficeKeepsItsTasks() {
    String third = person("secrecy3-", "保密办（三）", null, "CONFIDENTIALITY_OFFICE");
    try {
      delegation("secrecy", "secrecy2", today(), today());
      long id = submitted("applicant");
      assertThat(decide("depthead", id).status()).isEqualTo(200);
      // Not handed to the delegate: the office's task, seen by both members who are in.
      assertThat(hasTask(as("secrecy2"), id)).isTrue();
      assertThat(hasTask(as(third), id)).isTrue();
      assertThat(hasTask(as("secrecy"), id)).isTrue();
      assertThat(decide(third, id).status()).isEqualTo(200);
      JsonNode d = as("applicant").get("/api/filings/" + id).json().path("decisions").get(1);
      assertThat(d.path("signedAs").asString()).isEqualTo("保密办（三）");
      assertThat(auditActions(id)).doesNotContain("TASK_DELEGATED");
    } finally {
      jdbc.update("update app_user set enabled = false where username = ?", third);
    }
  }

  @Test
  void badDelegationsAreRefusedNamingTheField() {
    LocalDate t = today();
    Api secrecy = as("secrecy");
    var outsider = secrecy.post("/api/me/delegations", body("depthead", t, t.plusDays(1)));
    assertThat(outsider.status()).isEqualTo(400);
    assertThat(outsider.error("delegate")).contains("同一办公室");
    var unknown = secrecy.post("/api/me/delegations", body("nobody-at-all", t, t));
    assertThat(unknown.error("delegate")).isNotNull();
    var self = secrecy.post("/api/me/delegations", body("secrecy", t, t));
    assertThat(self.status()).isEqualTo(400);
    assertThat(self.error("delegate")).isEqualTo("不能委托给自己");
    var reversed = secrecy.post("/api/me/delegations", body("secrecy2", t.plusDays(3), t));
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.errorFields()).containsExactly("to");
    assertThat(reversed.error("to")).isEqualTo("结束日期不能早于开始日期");
    var past = secrecy.post("/api/me/delegations", body("secrecy2", t.minusDays(1), t));
    assertThat(past.errorFields()).containsExactly("from");
    var malformed = secrecy.post("/api/me/delegations", body("secrecy2", "12/10/2026", ""));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.error("from")).contains("12/10/2026");
    assertThat(malformed.error("to")).isEqualTo("请填写结束日期");

    delegation("secrecy", "secrecy2", t.plusDays(10), t.plusDays(12));
    var overlap =
        secrecy.post("/api/me/delegations", body("secrecy2", t.plusDays(12), t.plusDays(14)));
    assertThat(overlap.status()).isEqualTo(400);
    assertThat(overlap.error("from")).contains("时间重叠");
    // No chains: whoever stands in for 保密办 then cannot leave it to someone else.
    var chained =
        as("secrecy2").post("/api/me/delegations", body("secrecy", t.plusDays(11), t.plusDays(11)));
    assertThat(chained.status()).isEqualTo(400);
    assertThat(chained.errorFields()).contains("from", "delegate");

    // Only deciders delegate; nobody cancels another's.
    assertThat(as("applicant").post("/api/me/delegations", body("applicant2", t, t)).status())
        .isEqualTo(403);
    long mine = Long.parseLong(made.get(0)[1]);
    assertThat(as("secrecy2").delete("/api/me/delegations/" + mine).status()).isEqualTo(404);
    assertThat(as("applicant").get("/api/me/delegations").json().size()).isZero();
  }

  @Test
  void aHeadAwayHandsTasksToADeputyUntilTheLastDayAndWhatIsLeftGoesBack() {
    String deputy = person("deputy", "李副院长（计算机学院）", "CS", "DEPARTMENT_HEAD");
    long delegationId = delegation("depthead", deputy, today(), today());
    long held = submitted("applicant");
    assertThat(hasTask(as(deputy), held)).isTrue();
    assertThat(hasTask(as("depthead"), held)).isFalse();
    // Another department's head is not a colleague for CS filings, and has nothing of CS.
    assertThat(hasTask(as("depthead2"), held)).isFalse();
    // A filing the deputy decides stays readable to them after it moves on (我已审批).
    long decided = submitted("applicant");
    assertThat(decide(deputy, decided).status()).isEqualTo(200);
    assertThat(as(deputy).get("/api/filings/" + decided).status()).isEqualTo(200);

    // The last day has passed (moved into the past as if days went by).
    jdbc.update(
        "update delegation set starts_on = ?, ends_on = ? where id = ?",
        today().minusDays(3),
        today().minusDays(1),
        delegationId);
    long after = submitted("applicant");
    assertThat(hasTask(as("depthead"), after)).isTrue();
    assertThat(hasTask(as(deputy), after)).isFalse();
    // Still held until the nightly sweep hands it back.
    assertThat(hasTask(as(deputy), held)).isTrue();
    assertThat(delegations.endPast(today())).isEqualTo(1);
    assertThat(hasTask(as(deputy), held)).isFalse();
    assertThat(hasTask(as("depthead"), held)).isTrue();
    assertThat(listed("depthead", delegationId).path("state").asString()).isEqualTo("ENDED");
    assertThat(auditActions(held)).contains("TASK_DELEGATED", "DELEGATED_TASK_RETURNED");
    assertThat(decide("depthead", held).status()).isEqualTo(200);
    JsonNode d = as("applicant").get("/api/filings/" + held).json().path("decisions").get(0);
    assertThat(d.path("onBehalfOf").isNull()).isTrue();
  }

  @Test
  void cancellingGivesBackWhatTheDelegateHoldsAndADelegateNeverGetsTheirOwnFiling() {
    String dual = person("dual", "兼任副院长的申请人", "CS", "DEPARTMENT_HEAD", "APPLICANT");
    long delegationId = delegation("depthead", dual, today(), today().plusDays(1));
    long theirs = submitted(dual);
    // Their own filing stays with the head who is away; it is not handed to its author.
    assertThat(hasTask(as(dual), theirs)).isFalse();
    assertThat(hasTask(as("depthead"), theirs)).isTrue();
    long others = submitted("applicant");
    assertThat(hasTask(as(dual), others)).isTrue();

    assertThat(as("depthead").delete("/api/me/delegations/" + delegationId).status())
        .isEqualTo(204);
    assertThat(hasTask(as(dual), others)).isFalse();
    assertThat(hasTask(as("depthead"), others)).isTrue();
  }

  @Test
  void thePageListsCreatesAndCancelsKeepingWhatWasTypedWhenRefused() {
    var page = new PageSession(port, "secrecy", "demo123");
    var empty = page.get("/account/delegations");
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body()).contains("id=\"delegation-form\"", "保密办（二）", "/account/delegations\"");
    LocalDate t = today();
    var refused =
        page.form(
            "/account/delegations",
            Map.of(
                "delegate",
                "secrecy2",
                "from",
                t.plusDays(5).toString(),
                "to",
                t.plusDays(4).toString()));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("id=\"to-error\"", "结束日期不能早于开始日期", "value=\"" + t.plusDays(5) + "\"");
    var created =
        page.form(
            "/account/delegations",
            Map.of(
                "delegate",
                "secrecy2",
                "from",
                t.plusDays(5).toString(),
                "to",
                t.plusDays(6).toString()));
    assertThat(created.statusCode()).isEqualTo(302);
    var listed = page.get("/account/delegations").body();
    assertThat(listed).contains("未开始", "data-confirm=\"确定取消委托给保密办（二）");
    long id = -1;
    for (JsonNode d : as("secrecy").get("/api/me/delegations").json()) {
      if (d.path("state").asString().equals("SCHEDULED")
          && d.path("from").asString().equals(t.plusDays(5).toString())) {
        id = d.path("id").asLong();
      }
    }
    made.add(new String[] {"secrecy", String.valueOf(id)});
    assertThat(page.form("/account/delegations/" + id + "/cancel", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(page.get("/account/delegations").body()).contains("已取消");

    // An applicant decides nothing: no link, and the page says why instead of a form.
    var applicant = new PageSession(port, "applicant", "demo123").get("/account/delegations");
    assertThat(applicant.body()).contains("id=\"not-decider\"").doesNotContain("delegation-form");
    assertThat(new PageSession(port, "applicant", "demo123").get("/filings/mine").body())
        .doesNotContain("/account/delegations");
  }
}
