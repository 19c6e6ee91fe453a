package org.qunbei.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.PageSession;
import org.qunbei.support.Samples;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Stock opinions (常用意见) through the API and the pages, on each database: the school's for the
 * caller's steps, the approver's own (kept, refused by rule, deleted), the chips of the decision
 * form and "保存为常用意见" beside it.
 */
abstract class StockOpinionsContract {

  @LocalServerPort int port;

  Api as(String user) {
    return Api.as(port, user);
  }

  static Api.Reply add(Api api, String text) {
    return api.post("/api/me/opinions", "{\"text\":" + Api.JSON.valueToTree(text) + "}");
  }

  static List<JsonNode> own(Api api) {
    List<JsonNode> own = new ArrayList<>();
    api.get("/api/me/opinions")
        .json()
        .forEach(
            o -> {
              if (!o.path("school").asBoolean()) {
                own.add(o);
              }
            });
    return own;
  }

  /** Removes what an earlier test (or database run) left, so each test counts from none. */
  static void clear(Api api) {
    for (JsonNode o : own(api)) {
      assertThat(api.delete("/api/me/opinions/" + o.path("id").asLong()).status()).isEqualTo(204);
    }
  }

  @Test
  void theSchoolsForMyStepsThenMyOwnWhichIKeepWithinTheRules() {
    Api head = as("depthead");
    clear(head);
    JsonNode all = head.get("/api/me/opinions").json();
    List<String> schoolSteps = new ArrayList<>();
    all.forEach(
        o -> {
          assertThat(o.path("school").asBoolean()).isTrue();
          assertThat(o.path("id").isNull()).isTrue();
          schoolSteps.add(o.path("step").asString() + ":" + o.path("text").asString());
        });
    // A department's head decides its first step and confirms its dissolutions, nothing else.
    assertThat(schoolSteps)
        .contains("DEPARTMENT:同意备案", "DEPARTMENT:情况属实，同意", "DISSOLUTION_DEPARTMENT:情况属实，同意解散")
        .noneMatch(s -> s.startsWith("CYBERSPACE_OFFICE:") || s.startsWith("LEADER:"));
    assertThat(as("cyberoffice").get("/api/me/opinions").json().toString())
        .contains("同意备案，纳入学校工作群台账", "已登记解散");

    var kept = add(head, "  请补充企业导师名单后重新提交  ");
    assertThat(kept.status()).as(kept.text()).isEqualTo(201);
    assertThat(kept.json().path("text").asString()).isEqualTo("请补充企业导师名单后重新提交");
    assertThat(kept.json().path("school").asBoolean()).isFalse();
    long id = kept.json().path("id").asLong();
    assertThat(own(head))
        .extracting(o -> o.path("text").asString())
        .containsExactly("请补充企业导师名单后重新提交");

    // Blank, too long, the same again: 400 naming text.
    for (String bad : new String[] {"", "   ", "意".repeat(501), "请补充企业导师名单后重新提交"}) {
      var r = add(head, bad);
      assertThat(r.status()).as(bad.length() + " chars").isEqualTo(400);
      assertThat(r.errorFields()).containsExactly("text");
    }
    assertThat(head.post("/api/me/opinions", "{}").errorFields()).containsExactly("text");
    assertThat(add(head, "意".repeat(500)).status()).isEqualTo(201);
    // At most twenty each.
    for (int i = own(head).size(); i < 20; i++) {
      assertThat(add(head, "常用意见第" + i + "条").status()).isEqualTo(201);
    }
    var tooMany = add(head, "第二十一条");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.error("text")).contains("20");

    // Only one's own are deleted; the school's have no id to delete.
    assertThat(as("depthead2").delete("/api/me/opinions/" + id).status()).isEqualTo(404);
    assertThat(head.delete("/api/me/opinions/" + id).status()).isEqualTo(204);
    assertThat(head.delete("/api/me/opinions/" + id).status()).isEqualTo(404);
    assertThat(own(head)).hasSize(19);
    clear(head);

    // Someone who decides nothing keeps none, and is offered none.
    var applicant = add(as("applicant"), "同意");
    assertThat(applicant.status()).isEqualTo(403);
    assertThat(as("applicant").get("/api/me/opinions").json().size()).isZero();
  }

  @Test
  void theDecisionFormOffersChipsAndKeepsAnOpinionWhenAsked() {
    Api api = as("depthead");
    clear(api);
    assertThat(add(api, "学院已审核群成员名单").status()).isEqualTo(201);
    long id =
        as("applicant")
            .post("/api/filings", Samples.example().toString())
            .json()
            .path("id")
            .asLong();
    assertThat(as("applicant").post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);

    PageSession head = new PageSession(port, "depthead", "demo123");
    String form = head.get("/filings/" + id).body();
    assertThat(form)
        .contains(
            "id=\"stock-opinions\"",
            "data-opinion=\"同意备案\"",
            "data-opinion=\"情况属实，同意\"",
            "data-opinion=\"学院已审核群成员名单\"",
            "id=\"save-opinion\"")
        // The next step's defaults are not this step's.
        .doesNotContain("data-opinion=\"同意备案，纳入学校工作群台账\"");
    // The chips sit in the decision form, before the opinion box.
    assertThat(form.indexOf("id=\"stock-opinions\"")).isLessThan(form.indexOf("id=\"opinion\""));
    assertThat(form.indexOf("id=\"decide\"")).isLessThan(form.indexOf("id=\"stock-opinions\""));
    // The applicant, who decides nothing, gets no chips.
    assertThat(new PageSession(port, "applicant", "demo123").get("/filings/" + id).body())
        .doesNotContain("id=\"stock-opinions\"");

    var decided =
        head.form(
            "/filings/" + id + "/decisions",
            Map.of(
                "decision",
                "APPROVE",
                "opinion",
                "同意，群成员名单已核对",
                "saveOpinion",
                "true",
                "version",
                String.valueOf(
                    as("applicant").get("/api/filings/" + id).json().path("version").asLong())));
    assertThat(decided.statusCode()).isEqualTo(302);
    assertThat(decided.headers().firstValue("Location").orElse("")).endsWith("/tasks");
    assertThat(head.get("/tasks").body()).contains("已提交审批意见，并已保存为常用意见");
    assertThat(own(api))
        .extracting(o -> o.path("text").asString())
        .containsExactly("学院已审核群成员名单", "同意，群成员名单已核对");
    clear(api);
  }

  @Test
  void theOpinionsPageKeepsWhatWasTypedWhenRefused() {
    Api api = as("depthead2");
    clear(api);
    PageSession head = new PageSession(port, "depthead2", "demo123");
    String page = head.get("/account/opinions").body();
    assertThat(page).contains("id=\"school-opinions\"", "同意备案", "id=\"no-own-opinions\"");
    assertThat(page).contains("id=\"nav-opinions\"");

    var saved = head.form("/account/opinions", Map.of("text", "数学学院同意"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(head.get("/account/opinions").body()).contains("已保存常用意见", "数学学院同意");

    var refused = head.form("/account/opinions", Map.of("text", "数学学院同意"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"text-error\"", "已有相同的常用意见", "数学学院同意</textarea>");
    var blank = head.form("/account/opinions", Map.of("text", "  "));
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body()).contains("常用意见不能为空");

    long id = own(api).get(0).path("id").asLong();
    var deleted = head.form("/account/opinions/" + id + "/delete", Map.of());
    assertThat(deleted.statusCode()).isEqualTo(302);
    assertThat(head.get("/account/opinions").body()).contains("已删除常用意见", "id=\"no-own-opinions\"");
    // Someone else's is not found.
    assertThat(add(api, "另一条").status()).isEqualTo(201);
    long other = own(api).get(0).path("id").asLong();
    var foreign =
        new PageSession(port, "depthead", "demo123")
            .form("/account/opinions/" + other + "/delete", Map.of());
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(own(api)).hasSize(1);
    clear(api);

    // The applicant's page says stock opinions are an approver's.
    assertThat(new PageSession(port, "applicant", "demo123").get("/account/opinions").body())
        .contains("id=\"not-decider\"")
        .doesNotContain("id=\"nav-opinions\"");
  }
}
