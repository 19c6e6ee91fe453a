package org.qunbei.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Batch approval through the API (API.md "Approvers"): one call, each filing decided on its own,
 * each refused one with its own status and reason while the others are decided; what is wrong with
 * the batch itself is a 400 naming the field, before anything is decided.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchApprovalIT {

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  private long submitted(String applicant) {
    var api = Api.as(port, applicant);
    var body = Samples.example();
    body.put("departmentCode", applicant.equals("applicant2") ? "MATH" : "CS");
    long id = api.post("/api/filings", body.toString()).json().path("id").asLong();
    assertThat(api.post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);
    return id;
  }

  private Map<Long, JsonNode> batch(String who, String body) {
    var reply = Api.as(port, who).post("/api/tasks/decisions", body);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    Map<Long, JsonNode> byId = new HashMap<>();
    reply.json().path("results").forEach(r -> byId.put(r.path("id").asLong(), r));
    return byId;
  }

  @Test
  void eachFilingIsDecidedOnItsOwnAndTheRefusedOnesSayWhy() {
    long first = submitted("applicant");
    long second = submitted("applicant");
    long stale = submitted("applicant");
    long otherDepartment = submitted("applicant2");
    long staleVersion =
        Api.as(port, "depthead").get("/api/filings/" + stale).json().path("version").asLong();

    var results =
        batch(
            "depthead",
            """
            {"filings":[%d,%d,%d,%d,999999],"versions":[null,null,%d,null,null],
             "decision":"APPROVE","opinion":"同意，批量"}
            """
                .formatted(first, second, stale, otherDepartment, staleVersion - 1));

    assertThat(results.get(first).path("status").asInt()).isEqualTo(200);
    assertThat(results.get(first).path("currentStep").asString()).isEqualTo("CONFIDENTIALITY");
    assertThat(results.get(second).path("status").asInt()).isEqualTo(200);
    assertThat(results.get(stale).path("status").asInt()).isEqualTo(412);
    assertThat(results.get(stale).path("detail").asString()).contains("刷新");
    // Another department's filing is not the head's to know of: as a single call would say.
    assertThat(results.get(otherDepartment).path("status").asInt()).isEqualTo(404);
    assertThat(results.get(999999L).path("status").asInt()).isEqualTo(404);

    // The two decided each carry the one opinion and their own audit event; the others moved not.
    for (long id : new long[] {first, second}) {
      var f = Api.as(port, "applicant").get("/api/filings/" + id).json();
      assertThat(f.path("decisions").get(0).path("opinion").asString()).isEqualTo("同意，批量");
      var events = Api.as(port, "auditor").get("/api/audit?action=APPROVED&filing=" + id).json();
      assertThat(events.path("content").size()).isEqualTo(1);
    }
    assertThat(
            Api.as(port, "applicant")
                .get("/api/filings/" + stale)
                .json()
                .path("currentStep")
                .asString())
        .isEqualTo("DEPARTMENT");
    assertThat(
            Api.as(port, "applicant2")
                .get("/api/filings/" + otherDepartment)
                .json()
                .path("currentStep")
                .asString())
        .isEqualTo("DEPARTMENT");

    // Decided meanwhile (by this batch): asked again, it says who decided it and when.
    var again =
        batch("depthead", "{\"filings\":[%d,%d],\"decision\":\"APPROVE\"}".formatted(first, stale));
    assertThat(again.get(first).path("status").asInt()).isEqualTo(409);
    assertThat(again.get(first).path("detail").asString()).contains("已由", "审批");
    assertThat(again.get(stale).path("status").asInt()).isEqualTo(200);

    // Not the caller's step: the confidentiality office's filing is not the head's to decide.
    var notMine =
        batch("secrecy", "{\"filings\":[%d],\"decision\":\"APPROVE\"}".formatted(otherDepartment));
    assertThat(notMine.get(otherDepartment).path("status").asInt()).isIn(403, 404);
  }

  @Test
  void aReturnForSeveralNeedsOneOpinionAndEachIsReturned() {
    long a = submitted("applicant");
    long b = submitted("applicant");
    var refused =
        Api.as(port, "depthead")
            .post(
                "/api/tasks/decisions",
                "{\"filings\":[%d,%d],\"decision\":\"RETURN\"}".formatted(a, b));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.error("opinion")).isEqualTo("退回修改或不予备案时须填写审核意见");
    var results =
        batch(
            "depthead",
            "{\"filings\":[%d,%d],\"decision\":\"RETURN\",\"opinion\":\"请补充群规\"}".formatted(a, b));
    assertThat(results.values()).allMatch(r -> r.path("status").asInt() == 200);
    assertThat(Api.as(port, "applicant").get("/api/filings/" + a).json().path("status").asString())
        .isEqualTo("RETURNED");
  }

  @Test
  void aBatchThatIsWrongAsAWholeIsRefusedBeforeAnythingIsDecided() {
    long a = submitted("applicant");
    var api = Api.as(port, "depthead");
    assertThat(
            api.post("/api/tasks/decisions", "{\"filings\":[],\"decision\":\"APPROVE\"}")
                .error("filings"))
        .isEqualTo("请至少勾选一份备案");
    assertThat(api.post("/api/tasks/decisions", "{\"decision\":\"APPROVE\"}").error("filings"))
        .isEqualTo("请至少勾选一份备案");
    var twice =
        api.post(
            "/api/tasks/decisions",
            "{\"filings\":[%d,%d],\"decision\":\"APPROVE\"}".formatted(a, a));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.errorFields()).containsExactly("filings[1]");
    var wrongType =
        api.post("/api/tasks/decisions", "{\"filings\":[\"x\"],\"decision\":\"MAYBE\"}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.errorFields()).contains("filings[0]", "decision");
    assertThat(
            api.post(
                    "/api/tasks/decisions",
                    "{\"filings\":[%d],\"versions\":[1,2],\"decision\":\"APPROVE\"}".formatted(a))
                .errorFields())
        .containsExactly("versions");
    String many =
        LongStream.rangeClosed(1, BatchDecisions.MAX_ITEMS + 1)
            .mapToObj(Long::toString)
            .collect(Collectors.joining(","));
    var tooMany =
        api.post("/api/tasks/decisions", "{\"filings\":[" + many + "],\"decision\":\"APPROVE\"}");
    assertThat(tooMany.error("filings")).contains("最多");
    var longOpinion =
        api.post(
            "/api/tasks/decisions",
            "{\"filings\":[%d],\"decision\":\"APPROVE\",\"opinion\":\"%s\"}"
                .formatted(a, "很".repeat(501)));
    assertThat(longOpinion.errorFields()).containsExactly("opinion");
    // Nothing above decided anything.
    assertThat(
            Api.as(port, "applicant")
                .get("/api/filings/" + a)
                .json()
                .path("currentStep")
                .asString())
        .isEqualTo("DEPARTMENT");
    assertThat(Api.anonymous(port).post("/api/tasks/decisions", "{\"filings\":[1]}").status())
        .isEqualTo(401);
  }

  @Test
  void theInboxRowsSayWhoAsksFromWhereForWhatAndHowLongItWaited() {
    long id = submitted("applicant");
    Api.as(port, "applicant").post("/api/filings/" + id + "/urge", "");
    JsonNode row = null;
    for (JsonNode t : Api.as(port, "depthead").get("/api/tasks?size=100").json().path("content")) {
      if (t.path("id").asLong() == id) {
        row = t;
      }
    }
    assertThat(row).isNotNull();
    assertThat(row.path("applicant").asString()).isEqualTo("applicant");
    assertThat(row.path("applicantName").asString()).startsWith("张明");
    assertThat(row.path("departmentName").asString()).isEqualTo("计算机学院");
    assertThat(row.path("kind").asString()).isEqualTo("NEW");
    assertThat(row.path("waitingSince").isMissingNode()).isFalse();
    assertThat(row.path("urged").asBoolean()).isTrue();
  }
}
