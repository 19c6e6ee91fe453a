package org.qunbei.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.qunbei.audit.AuditTrail;
import org.qunbei.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The calendar through the API and the administrator's page, on each database: deadlines on the
 * shipped arrangements, next year loaded without a release, and uploads refused whole.
 */
@AutoConfigureMockMvc
abstract class CalendarContract {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired AuditTrail audit;

  Api as(String user) {
    return Api.as(port, user);
  }

  Api.Reply load(String user, int year, String csv) {
    return as(user)
        .putBytes(
            "/api/admin/calendar/" + year + "?source=test",
            "text/csv; charset=utf-8",
            csv.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void countsADeadlineOnTheShippedArrangement() {
    Api.Reply r = as("applicant").get("/api/calendar/deadline?from=2025-09-30&workingDays=5");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("deadline").asString()).isEqualTo("2025-10-14");
    assertThat(r.json().path("estimated").asBoolean()).isFalse();
    assertThat(r.json().has("warning")).isFalse();
    assertThat(as("applicant").get("/api/calendar/years").json().findValuesAsString("year"))
        .contains("2024", "2025", "2026");
  }

  @Test
  void namesEachBadParameterAndRefusesStrangers() {
    Api.Reply r = as("applicant").get("/api/calendar/deadline?from=2025-02-30&workingDays=abc");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error("from")).contains("YYYY-MM-DD");
    assertThat(r.error("workingDays")).contains("0 到 250");
    assertThat(
            as("applicant").get("/api/calendar/deadline?from=2025-01-01&workingDays=251").status())
        .isEqualTo(400);
    assertThat(
            Api.anonymous(port)
                .get("/api/calendar/deadline?from=2025-01-01&workingDays=5")
                .status())
        .isEqualTo(401);
  }

  @Test
  void nextYearLoadedByTheAdministratorCountsAtOnceAndIsAudited() {
    Api.Reply before = as("applicant").get("/api/calendar/deadline?from=2029-12-31&workingDays=1");
    assertThat(before.json().path("deadline").asString()).isEqualTo("2030-01-01");
    assertThat(before.json().path("estimated").asBoolean()).isTrue();
    assertThat(before.json().path("warning").asString()).contains("2030 年的节假日安排尚未载入");

    Api.Reply loaded = load("admin", 2030, "date,kind,name\n2030-01-01,HOLIDAY,元旦\n");
    assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);
    assertThat(loaded.json().path("holidays").asInt()).isEqualTo(1);

    Api.Reply after = as("applicant").get("/api/calendar/deadline?from=2029-12-31&workingDays=1");
    assertThat(after.json().path("deadline").asString()).isEqualTo("2030-01-02");
    assertThat(after.json().path("estimated").asBoolean()).isFalse();
    assertThat(audit.search(null, "admin", "CALENDAR_LOADED", null, null, 0, 10).getContent())
        .anySatisfy(e -> assertThat(e.detail()).startsWith("2030 年"));
  }

  @Test
  void anUploadWithOneBadLineIsRefusedWholeAndOnlyTheAdministratorLoads() {
    load("admin", 2031, "2031-01-01,HOLIDAY,元旦\n");
    Api.Reply refused =
        load(
            "admin",
            2031,
            "2031-01-01,HOLIDAY,元旦\n2031-05-01,HOLIDAY,劳动节\n2031-05-01,WORKDAY,劳动节\n");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.error("file")).isEqualTo("第3行的 2031-05-01 在第2行已列出：同一天只能列一次，不能既放假又上班");
    // The correction was refused whole: 2031 still holds only its first load.
    assertThat(as("admin").get("/api/calendar/years/2031").json()).hasSize(1);
    assertThat(load("applicant", 2032, "2032-01-01,HOLIDAY,元旦\n").status()).isEqualTo(403);
    assertThat(as("admin").get("/api/calendar/years/2032").json()).isEmpty();
  }

  @Test
  void theCalendarPageKeepsWhatWasTypedWhenItRefusesAndListsTheYearOnceLoaded() throws Exception {
    String page =
        mvc.perform(get("/admin/calendar").with(httpBasic("admin", "demo123")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("国办发明电〔2024〕12号", "id=\"year-2026\"", "国庆节、中秋节");

    String typed = "2033-01-01,HOLIDAY,元旦\n2033-02-30,HOLIDAY,春节";
    String refused =
        mvc.perform(
                post("/admin/calendar")
                    .with(httpBasic("admin", "demo123"))
                    .with(csrf())
                    .param("year", "2033")
                    .param("text", typed))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused).contains("第2行的日期“2033-02-30”不正确", ">" + typed + "</textarea>");
    assertThat(refused).doesNotContain("id=\"year-2033\"");

    mvc.perform(
            post("/admin/calendar")
                .with(httpBasic("admin", "demo123"))
                .with(csrf())
                .param("year", "2033")
                .param("text", "2033-01-01,HOLIDAY,元旦"))
        .andExpect(redirectedUrl("/admin/calendar"));
    assertThat(
            mvc.perform(get("/admin/calendar").with(httpBasic("admin", "demo123")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .contains("id=\"year-2033\"");
    mvc.perform(get("/admin/calendar").with(httpBasic("applicant", "demo123")))
        .andExpect(status().isForbidden());
  }
}
