package org.qunbei.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.TestDatabases;
import org.qunbei.system.Messages;
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
 * A group's history on its pages: starting a change, what approvers review, two versions side by
 * side.
 */
@SpringBootTest
@AutoConfigureMockMvc
class VersionPagesTest {

  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder r, String user) {
    return r.with(httpBasic(user, "demo123")).with(csrf());
  }

  String page(String path, String user) throws Exception {
    return mvc.perform(as(get(path), user))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  JsonNode api(MockHttpServletRequestBuilder r, String user, String body) throws Exception {
    MvcResult res =
        mvc.perform(as(r, user).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    assertThat(res.getResponse().getStatus())
        .as(res.getResponse().getContentAsString())
        .isLessThan(300);
    return Api.JSON.readTree(res.getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  long filed(ObjectNode body) throws Exception {
    long id = api(post("/api/filings"), "applicant", body.toString()).path("id").asLong();
    api(post("/api/filings/" + id + "/submit"), "applicant", "");
    for (String approver : LivingRegistryContract.CHAIN) {
      api(post("/api/filings/" + id + "/decisions"), approver, "{\"decision\":\"APPROVE\"}");
    }
    return id;
  }

  @Test
  void aRefusedChangeNamesEveryProblemAndKeepsWhatWasTyped() throws Exception {
    long id = filed(LivingRegistryContract.group(LivingRegistryContract.uniqueNumber()));
    assertThat(page("/filings/" + id, "applicant")).contains("id=\"change\"", "开始变更备案");
    assertThat(page("/filings/" + id, "depthead")).doesNotContain("id=\"change\"");

    String future = LocalDate.now().plusDays(2).toString();
    MvcResult refused =
        mvc.perform(
                as(post("/filings/" + id + "/changes"), "applicant")
                    .param("changedOn", future)
                    .param("reason", " "))
            .andExpect(redirectedUrlPattern("/filings/" + id + "*"))
            .andReturn();
    Map<String, Object> flash = refused.getFlashMap();
    assertThat(flash.get("changedOn")).isEqualTo(future);
    @SuppressWarnings("unchecked")
    var errors = (List<Messages.FieldMessage>) flash.get("changeErrors");
    assertThat(errors)
        .extracting(Messages.FieldMessage::message)
        .containsExactly("变更日期不能晚于今天", "请填写变更事项（什么发生了变化）");
    String shown =
        // The flash travels in the session, which the database keeps: the browser's cookie finds
        // it.
        mvc.perform(
                as(get("/filings/" + id), "applicant")
                    .cookie(refused.getResponse().getCookie("JSESSIONID")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(shown).contains("id=\"change-errors\"", "变更日期不能晚于今天", "value=\"" + future + "\"");

    MvcResult unreadable =
        mvc.perform(
                as(post("/filings/" + id + "/changes"), "applicant")
                    .param("changedOn", "2026-13-45")
                    .param("reason", "群主变更"))
            .andReturn();
    @SuppressWarnings("unchecked")
    var bad = (List<Messages.FieldMessage>) unreadable.getFlashMap().get("changeErrors");
    assertThat(bad)
        .extracting(Messages.FieldMessage::message)
        .containsExactly("变更日期“2026-13-45”不是有效日期");
  }

  @Test
  void approversReviewTheChangeAndAnyoneWhoMaySeeComparesTwoVersionsSideBySide() throws Exception {
    String number = LivingRegistryContract.uniqueNumber();
    long first = filed(LivingRegistryContract.group(number));
    String yesterday = LocalDate.now().minusDays(1).toString();
    MvcResult started =
        mvc.perform(
                as(post("/filings/" + first + "/changes"), "applicant")
                    .param("changedOn", yesterday)
                    .param("reason", "群名称调整"))
            .andExpect(redirectedUrlPattern("/filings/*/edit"))
            .andReturn();
    long second =
        Long.parseLong(started.getResponse().getRedirectedUrl().replaceAll("\\D+", " ").trim());
    ObjectNode renamed = LivingRegistryContract.group(number).put("groupName", "新名称" + number);
    api(put("/api/filings/" + second), "applicant", renamed.toString());
    api(post("/api/filings/" + second + "/submit"), "applicant", "");

    String review = page("/filings/" + second, "depthead");
    assertThat(review).contains("id=\"change-review\"", "id=\"change-info\"", "群名称调整");
    String reviewPart = review.substring(review.indexOf("id=\"change-review\""));
    assertThat(reviewPart.substring(0, reviewPart.indexOf("id=\"decide\"")))
        .contains("变更测试群" + number, "新名称" + number)
        .doesNotContain("data-field=\"memberCount\"");

    String diff = page("/filings/" + second + "/diff?from=" + first, "applicant");
    assertThat(diff).contains("共 1 处变化", "data-field=\"groupName\"", "data-field=\"memberCount\"");
    assertThat(diff.split("table-warning changed", -1)).hasSize(2);
    String onlyChanged =
        page("/filings/" + second + "/diff?from=" + first + "&onlyChanged=true", "applicant");
    assertThat(onlyChanged).doesNotContain("data-field=\"memberCount\"");
    assertThat(page("/filings/" + first + "/versions", "applicant"))
        .contains("首次备案", "变更备案", "群名称调整");
  }

  @Test
  void theDepartmentReportsItsGroupDissolvedOnThePageAndSeesItUnderReview() throws Exception {
    long id = filed(LivingRegistryContract.group(LivingRegistryContract.uniqueNumber()));
    assertThat(page("/filings/" + id, "applicant")).contains("id=\"dissolution\"", "提交解散报备");
    MvcResult refused =
        mvc.perform(
                as(post("/filings/" + id + "/dissolution"), "applicant")
                    .param("dissolvedOn", "2026-02-30")
                    .param("reason", ""))
            .andReturn();
    @SuppressWarnings("unchecked")
    var errors = (List<Messages.FieldMessage>) refused.getFlashMap().get("dissolutionErrors");
    assertThat(errors)
        .extracting(Messages.FieldMessage::message)
        .containsExactly("解散日期“2026-02-30”不是有效日期", "请填写解散原因");
    assertThat(refused.getFlashMap().get("dissolvedOn")).isEqualTo("2026-02-30");

    mvc.perform(
            as(post("/filings/" + id + "/dissolution"), "applicant")
                .param("dissolvedOn", LocalDate.now().minusDays(1).toString())
                .param("reason", "学期结束"))
        .andExpect(redirectedUrl("/filings/" + id));
    String shown = page("/filings/" + id, "applicant");
    assertThat(shown)
        .contains("id=\"dissolution-pending\"", "学期结束")
        .doesNotContain("id=\"dissolution\"");
    assertThat(page("/filings/" + id, "depthead")).contains("id=\"decide\"", "所属部门确认解散");
  }

  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void aDueDayInAYearWithoutItsHolidaysSaysItIsCountedOnWeekdays() throws Exception {
    long id = filed(LivingRegistryContract.group(LivingRegistryContract.uniqueNumber()));
    var days = jdbc.queryForList("select * from calendar_day where arrangement_year = 2026");
    var year = jdbc.queryForMap("select * from calendar_year where arrangement_year = 2026");
    jdbc.update("delete from calendar_day where arrangement_year = 2026");
    jdbc.update("delete from calendar_year where arrangement_year = 2026");
    long change;
    try {
      change =
          api(
                  post("/api/filings/" + id + "/changes"),
                  "applicant",
                  "{\"changedOn\":\"" + LocalDate.now().minusDays(1) + "\",\"reason\":\"x\"}")
              .path("id")
              .asLong();
      assertThat(page("/filings/" + change, "applicant"))
          .contains("id=\"due-estimated\"", "暂按周一至周五推算");
    } finally {
      jdbc.update(
          "insert into calendar_year (arrangement_year, source, loaded_by, loaded_at)"
              + " values (?, ?, ?, ?)",
          year.get("arrangement_year"),
          year.get("source"),
          year.get("loaded_by"),
          year.get("loaded_at"));
      for (var d : days) {
        jdbc.update(
            "insert into calendar_day (calendar_date, arrangement_year, kind, name) values (?, ?, ?, ?)",
            d.get("calendar_date"),
            d.get("arrangement_year"),
            d.get("kind"),
            d.get("name"));
      }
    }
    // With the year's arrangement back, the same due day is counted on it.
    assertThat(page("/filings/" + change, "applicant")).doesNotContain("id=\"due-estimated\"");
  }
}
