package org.qunbei.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A review round from its opening to its report, through the pages: the office opens it; a
 * department confirms some groups at once, changes one and reports one dissolved, and is shown the
 * two that look alike; the office's progress and Excel report count each answer.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AnnualReviewTest {

  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder r, String user) {
    return r.with(httpBasic(user, "demo123")).with(csrf());
  }

  JsonNode api(MockHttpServletRequestBuilder r, String user, String body) throws Exception {
    MvcResult res =
        mvc.perform(as(r, user).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    assertThat(res.getResponse().getStatus())
        .as(res.getResponse().getContentAsString())
        .isLessThan(300);
    String text = res.getResponse().getContentAsString(StandardCharsets.UTF_8);
    return text.isEmpty() ? null : Api.JSON.readTree(text);
  }

  long filed(String applicant, String name, int members) throws Exception {
    ObjectNode body = Samples.example();
    body.put("groupType", "QQ")
        .put("groupNumber", String.valueOf(100000 + System.nanoTime() % 899999));
    body.put("groupName", name).put("memberCount", members);
    body.remove("departmentCode"); // the server files it under the applicant's department
    long id = api(post("/api/filings"), applicant, body.toString()).path("id").asLong();
    api(post("/api/filings/" + id + "/submit"), applicant, "");
    String head = applicant.equals("applicant") ? "depthead" : "depthead2";
    for (String a : new String[] {head, "secrecy", "cyberoffice", "leader"}) {
      api(post("/api/filings/" + id + "/decisions"), a, "{\"decision\":\"APPROVE\"}");
    }
    return id;
  }

  Document page(String path, String user) throws Exception {
    return Jsoup.parse(
        mvc.perform(as(get(path), user))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8));
  }

  @Test
  void aRoundFromItsOpeningToItsReport() throws Exception {
    long notice = filed("applicant", "研究生2026级通知群", 120);
    long duplicate = filed("applicant", "研究生2026级通知群（新）", 118);
    long lab = filed("applicant", "实验室安全群", 30);
    long math = filed("applicant2", "数学竞赛群", 40);

    // A past deadline is refused by name, with what was typed kept.
    Document refused =
        Jsoup.parse(
            mvc.perform(
                    as(post("/reviews"), "cyberoffice")
                        .param("title", "2026年度工作群复核")
                        .param("deadline", "2020-01-01"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(refused.select("#errors li").eachText()).containsExactly("截止日期不能早于今天");
    assertThat(refused.select("#title").val()).isEqualTo("2026年度工作群复核");
    assertThat(
            mvc.perform(
                    as(post("/reviews"), "applicant")
                        .param("title", "x")
                        .param("deadline", "2099-01-01"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);

    String deadline = LocalDate.now().plusDays(14).toString();
    MvcResult opened =
        mvc.perform(
                as(post("/reviews"), "cyberoffice")
                    .param("title", "2026年度工作群复核")
                    .param("deadline", deadline))
            .andReturn();
    String round = opened.getResponse().getRedirectedUrl();
    assertThat(round).matches("/reviews/\\d+");
    assertThat(
            mvc.perform(
                    as(post("/reviews"), "cyberoffice")
                        .param("title", "又一轮")
                        .param("deadline", deadline))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(409);

    // The department sees its own groups only, and the two that look alike are pointed out.
    Document mine = page(round, "applicant");
    assertThat(mine.select("#items a").eachText())
        .contains("研究生2026级通知群", "研究生2026级通知群（新）", "实验室安全群")
        .doesNotContain("数学竞赛群");
    assertThat(itemRow(mine, notice).select(".looks-like").text()).contains("研究生2026级通知群（新）");
    assertThat(itemRow(mine, lab).select(".looks-like")).isEmpty();

    // A bad count refuses the whole confirmation, naming the group's field; nothing is stored.
    String noticeItem = itemRow(mine, notice).attr("data-item");
    String labItem = itemRow(mine, lab).attr("data-item");
    String dupItem = itemRow(mine, duplicate).attr("data-item");
    Document bad =
        Jsoup.parse(
            mvc.perform(
                    as(post(round + "/confirmations"), "applicant")
                        .param("item", noticeItem, labItem)
                        .param("members-" + noticeItem, "一百二")
                        .param("members-" + labItem, "28"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(bad.select("#errors li").eachText()).containsExactly("当前人数“一百二”不是整数");
    assertThat(bad.select("#members-" + noticeItem).val()).isEqualTo("一百二");
    assertThat(itemRow(page(round, "applicant"), notice).attr("data-answer")).isEqualTo("NONE");

    mvc.perform(
        as(post(round + "/confirmations"), "applicant")
            .param("item", noticeItem, labItem)
            .param("members-" + noticeItem, "121")
            .param("members-" + labItem, "28"));
    // The duplicate is reported dissolved; the lab group changes.
    api(
        post("/api/filings/" + duplicate + "/dissolution"),
        "applicant",
        "{\"dissolvedOn\":\"" + LocalDate.now().minusDays(1) + "\",\"reason\":\"与原通知群合并\"}");
    api(
        post("/api/filings/" + lab + "/changes"),
        "applicant",
        "{\"changedOn\":\"" + LocalDate.now().minusDays(1) + "\",\"reason\":\"更换管理员\"}");
    Document after = page(round, "applicant");
    assertThat(itemRow(after, notice).attr("data-answer")).isEqualTo("CONFIRMED");
    assertThat(itemRow(after, notice).select("input[id^=members-]").val()).isEqualTo("121");
    assertThat(itemRow(after, duplicate).attr("data-answer")).isEqualTo("DISSOLVED");
    assertThat(itemRow(after, lab).attr("data-answer")).isEqualTo("CHANGED");
    assertThat(dupItem).isNotBlank();

    // The office's live progress, and the report it sends up.
    Document office = page(round, "cyberoffice");
    var cs = office.select("#progress tr[data-department=CS] td").eachText();
    assertThat(cs.subList(1, 6)).containsExactly("3", "1", "1", "1", "0");
    var mathRow = office.select("#progress tr[data-department=MATH] td").eachText();
    assertThat(mathRow.subList(1, 6)).containsExactly("1", "0", "0", "0", "1");
    assertThat(office.select("#review-chart")).hasSize(1);

    byte[] xlsx =
        mvc.perform(as(get(round + "/report.xlsx"), "cyberoffice"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      var sheet = wb.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2026年度工作群复核");
      assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).isEqualTo("未答复");
      var byName = new java.util.HashMap<String, double[]>();
      for (int r = 3; r <= sheet.getLastRowNum(); r++) {
        var row = sheet.getRow(r);
        double[] n = new double[5];
        for (int i = 0; i < 5; i++) {
          n[i] = row.getCell(i + 1).getNumericCellValue();
        }
        byName.put(row.getCell(0).getStringCellValue(), n);
      }
      assertThat(byName.get("计算机学院")).containsExactly(3, 1, 1, 1, 0);
      assertThat(byName.get("合计")).containsExactly(4, 1, 1, 1, 1);
    }
    assertThat(math).isPositive();

    mvc.perform(as(post(round + "/close"), "cyberoffice"));
    assertThat(
            mvc.perform(
                    as(post(round + "/confirmations"), "applicant2")
                        .param("item", "1")
                        .param("members-1", "40"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(409);
  }

  private static org.jsoup.nodes.Element itemRow(Document d, long filingId) {
    for (var row : d.select("#items tbody tr")) {
      if (row.select("a[href=/filings/" + filingId + "]").size() > 0) {
        return row;
      }
    }
    throw new AssertionError("no row for filing " + filingId);
  }
}
