package org.qunbei.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The auditor finds events by filing number, person, action and period, reads roles and actions in
 * Chinese, pages through them, and a bad date is a 400 naming the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditSearchIT {

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  @Test
  void theAuditorSearchesByFilingNumberPersonActionAndPeriod() {
    var body = Samples.example();
    body.put("groupType", "QQ").put("groupNumber", "57721566");
    long id =
        Api.as(port, "applicant").post("/api/filings", body.toString()).json().path("id").asLong();
    String number =
        Api.as(port, "applicant")
            .post("/api/filings/" + id + "/submit", "")
            .json()
            .path("number")
            .asString();
    assertThat(number).startsWith("QB-");
    var auditor = Api.as(port, "auditor");
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    var byNumber = auditor.get("/api/audit?filing=" + number + "&from=" + today + "&to=" + today);
    assertThat(byNumber.status()).as(byNumber.text()).isEqualTo(200);
    assertThat(byNumber.json().path("content").findValuesAsString("action"))
        .containsExactlyInAnyOrder("DRAFT_CREATED", "SUBMITTED");
    assertThat(auditor.get("/api/audit?filing=QB-1999-99999").json().path("totalElements").asLong())
        .as("an unknown number finds nothing")
        .isZero();
    assertThat(
            auditor
                .get("/api/audit?filing=" + id + "&to=2020-01-01")
                .json()
                .path("totalElements")
                .asLong())
        .as("nothing of this filing before 2020")
        .isZero();
    assertThat(
            auditor
                .get("/api/audit?actor=applicant&action=SUBMITTED")
                .json()
                .path("content")
                .findValuesAsString("filingId"))
        .contains(String.valueOf(id));

    var page = auditor.get("/audit?filing=" + number);
    assertThat(page.status()).isEqualTo(200);
    var html = Jsoup.parse(page.text());
    assertThat(html.select("#audit tbody tr")).hasSize(2);
    assertThat(html.select("#audit tbody").text())
        .contains("提交", "申请人")
        .doesNotContain("APPLICANT", "FACTOR_");
    assertThat(html.select("input[name=filing]").val()).isEqualTo(number);
    assertThat(html.select("#key-id").text()).matches(".*[0-9a-f]{16}.*");

    // Each reading of the trail is on it: fifty-five fill more than a page, and the pager keeps
    // the filters.
    for (int i = 0; i < 55; i++) {
      auditor.get("/api/audit?size=1");
    }
    var reads = Jsoup.parse(auditor.get("/audit?action=AUDIT_READ&size=50").text());
    assertThat(reads.select("#audit tbody tr")).hasSize(50);
    assertThat(reads.select("nav .page-link").eachAttr("href"))
        .anyMatch(h -> h.contains("page=1") && h.contains("action=AUDIT_READ"));

    var badDate = auditor.get("/api/audit?from=2026-13-01");
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.error("from")).contains("不是有效日期");
    var farOff = auditor.get("/api/audit?to=%2B999999999-12-31");
    assertThat(farOff.status()).as("the period's end would overflow").isEqualTo(400);
    assertThat(farOff.error("to")).contains("不是有效日期");
    var reversedPage = auditor.get("/audit?actor=applicant&from=2026-12-02&to=2026-12-01");
    assertThat(reversedPage.status()).isEqualTo(400);
    var kept = Jsoup.parse(reversedPage.text());
    assertThat(kept.select("#errors").text()).contains("截止日期不能早于起始日期");
    assertThat(kept.select("input[name=actor]").val()).isEqualTo("applicant");
    assertThat(kept.select("input[name=from]").val()).isEqualTo("2026-12-02");
    assertThat(kept.select("input[name=to]").val()).isEqualTo("2026-12-01");
    // A parameter the search does not take is refused by name, not ignored (a misspelt filter
    // would otherwise show the whole trail as if it matched), and the page keeps what was typed.
    var misspelt = auditor.get("/api/audit?actr=applicant");
    assertThat(misspelt.status()).isEqualTo(400);
    assertThat(misspelt.error("actr")).contains("不支持的查询参数", "actr");
    var misspeltPage = auditor.get("/audit?actr=applicant&actor=applicant&lang=zh");
    assertThat(misspeltPage.status()).isEqualTo(400);
    var shown = Jsoup.parse(misspeltPage.text());
    assertThat(shown.select("#errors").text()).contains("不支持的查询参数“actr”");
    assertThat(shown.select("input[name=actor]").val()).isEqualTo("applicant");
    var reversed = auditor.get("/api/audit?from=2026-12-02&to=2026-12-01");
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.error("to")).contains("截止日期不能早于起始日期");
    assertThat(Api.as(port, "cyberoffice").get("/api/audit?filing=" + number).status())
        .isEqualTo(403);
  }

  @Test
  void makingAndRevokingAnAccessTokenIsOnTheTrail() {
    var applicant = Api.as(port, "applicant");
    var made = applicant.post("/api/me/tokens", "{\"name\":\"统计脚本\",\"days\":30}");
    assertThat(made.status()).as(made.text()).isEqualTo(201);
    long tokenId = made.json().path("info").path("id").asLong();
    assertThat(applicant.delete("/api/me/tokens/" + tokenId).status()).isEqualTo(204);
    var trail =
        Api.as(port, "auditor")
            .get("/api/audit?actor=applicant&action=DIRECTORY_CHANGED")
            .json()
            .path("content")
            .findValuesAsString("detail");
    assertThat(trail)
        .anyMatch(d -> d.contains("access token created") && d.contains("统计脚本"))
        .anyMatch(d -> d.contains("access token revoked"));
    assertThat(String.join(" ", trail))
        .as("the secret itself is never written down")
        .doesNotContain(made.json().path("token").asString());
  }
}
