package org.qunbei.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qunbei.accounts.StaffDeparted;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The deadline sweeps, each run for a day the test chooses (the sweeps take the day; the schedule
 * passes today's), and the applicant's urging: each missed deadline is one alert, one notice to
 * whoever must act, and goes away once it is met.
 */
abstract class DeadlinesContract {

  @LocalServerPort int port;
  @Autowired DeadlineSweeps sweeps;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationEventPublisher events;

  Api as(String user) {
    return Api.as(port, user);
  }

  static String uniqueNumber() {
    return String.valueOf(100000 + System.nanoTime() % 899999);
  }

  ObjectNode group() {
    String number = uniqueNumber();
    ObjectNode body = Samples.example();
    body.put("groupType", "QQ").put("groupNumber", number).put("groupName", "期限测试群" + number);
    return body;
  }

  long submitted(ObjectNode body) {
    long id = as("applicant").post("/api/filings", body.toString()).json().path("id").asLong();
    var s = as("applicant").post("/api/filings/" + id + "/submit", "");
    assertThat(s.status()).as(s.text()).isEqualTo(200);
    return id;
  }

  long filed(ObjectNode body) {
    long id = submitted(body);
    for (String a : new String[] {"depthead", "secrecy", "cyberoffice", "leader"}) {
      assertThat(
              as(a)
                  .post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}")
                  .status())
          .isEqualTo(200);
    }
    return id;
  }

  List<String> alertsOf(long id) {
    List<String> kinds = new ArrayList<>();
    for (JsonNode a : as("cyberoffice").get("/api/lifecycle/alerts").json()) {
      if (a.path("filingId").asLong() == id) {
        kinds.add(a.path("kind").asString() + ":" + a.path("text").asString());
      }
    }
    return kinds;
  }

  List<String> noticesOf(String user, long id) {
    List<String> titles = new ArrayList<>();
    for (JsonNode n : as(user).get("/api/notices").json().path("content")) {
      if (n.path("filingId").asLong() == id) {
        titles.add(n.path("title").asString());
      }
    }
    return titles;
  }

  @Test
  void aShortTermGroupPastItsDayIsAlertedOnceAndTheAlertGoesWithTheReport() {
    ObjectNode body = group();
    LocalDate by = LocalDate.now().plusDays(20);
    body.put("dissolveBy", by.toString());
    long id = filed(body);
    sweeps.run(by);
    assertThat(alertsOf(id)).isEmpty();

    var report = sweeps.run(by.plusDays(1));
    assertThat(report.raised().get(AlertKind.DISSOLVE_BY_PASSED)).isPositive();
    assertThat(alertsOf(id)).containsExactly("DISSOLVE_BY_PASSED:预计解散日期 " + by + " 已过");
    assertThat(noticesOf("applicant", id)).contains("请报备解散：" + body.path("groupName").asString());
    sweeps.run(by.plusDays(2));
    assertThat(noticesOf("applicant", id).stream().filter(t -> t.startsWith("请报备解散"))).hasSize(1);

    as("applicant")
        .post(
            "/api/filings/" + id + "/dissolution",
            "{\"dissolvedOn\":\"" + LocalDate.now() + "\",\"reason\":\"任务完成\"}");
    sweeps.run(by.plusDays(3));
    // The report resolves the alert; its own step now waits (and, weeks on, waits too long).
    assertThat(alertsOf(id)).noneMatch(a -> a.startsWith("DISSOLVE_BY_PASSED"));
  }

  @Test
  void aChangeNotFiledWithinFiveWorkingDaysIsAlertedToItsApplicant() {
    long id = filed(group());
    long change =
        as("applicant")
            .post(
                "/api/filings/" + id + "/changes",
                "{\"changedOn\":\"2026-09-01\",\"reason\":\"群主变更\"}")
            .json()
            .path("id")
            .asLong();
    sweeps.run(LocalDate.of(2026, 9, 8));
    assertThat(alertsOf(change)).isEmpty();
    sweeps.run(LocalDate.of(2026, 9, 9));
    assertThat(alertsOf(change)).containsExactly("CHANGE_OVERDUE:应于 2026-09-08 前完成备案");
    assertThat(noticesOf("applicant", change)).anySatisfy(t -> assertThat(t).startsWith("变更备案已逾期"));
  }

  @Test
  void aStepWaitingMoreThanThreeWorkingDaysIsAlertedToItsDecidersUntilItMoves() {
    long id = submitted(group());
    // Submitted on Friday 27 November 2026: Monday to Wednesday are three working days.
    jdbc.update(
        "update filing set step_since = ? where id = ?",
        java.sql.Timestamp.valueOf("2026-11-27 09:00:00"),
        id);
    sweeps.run(LocalDate.of(2026, 12, 2));
    assertThat(alertsOf(id)).isEmpty();
    sweeps.run(LocalDate.of(2026, 12, 3));
    assertThat(alertsOf(id)).containsExactly("STEP_STALLED:“所属部门审核”自 2026-11-27 起等待处理");
    assertThat(noticesOf("depthead", id))
        .contains(
            "备案等待处理已超时："
                + as("applicant").get("/api/filings/" + id).json().path("groupName").asString());

    as("depthead").post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}");
    sweeps.run(LocalDate.of(2026, 12, 3));
    assertThat(alertsOf(id)).isEmpty();
  }

  @Test
  void theApplicantUrgesAWaitingStepOnceADay() {
    long id = submitted(group());
    var urged = as("applicant").post("/api/filings/" + id + "/urge", "");
    assertThat(urged.status()).isEqualTo(202);
    assertThat(noticesOf("depthead", id)).anySatisfy(t -> assertThat(t).startsWith("催办："));
    var again = as("applicant").post("/api/filings/" + id + "/urge", "");
    assertThat(again.status()).isEqualTo(429);
    assertThat(again.json().path("detail").asString()).contains("今天已催办过");
    assertThat(as("applicant2").post("/api/filings/" + id + "/urge", "").status()).isEqualTo(404);
    long draft =
        as("applicant").post("/api/filings", group().toString()).json().path("id").asLong();
    assertThat(as("applicant").post("/api/filings/" + draft + "/urge", "").status()).isEqualTo(409);
  }

  @Test
  void aTeamMemberWhoLeftFlagsTheirGroupsForTheirDepartment() {
    ObjectNode body = group();
    ((ObjectNode) body.path("team").get(1)).put("name", "离校者").put("mobile", "13912345678");
    long id = filed(body);
    events.publishEvent(new StaffDeparted("离校者", "CS", "13912345678"));
    assertThat(alertsOf(id)).containsExactly("MEMBER_DEPARTED:离校者 已离校");
    assertThat(noticesOf("applicant", id)).anySatisfy(t -> assertThat(t).startsWith("群管理团队有人离校"));
    assertThat(as("applicant").get("/api/lifecycle/alerts").json().findValuesAsString("kind"))
        .contains("MEMBER_DEPARTED");
    List<Long> seenByMath = new ArrayList<>();
    as("applicant2")
        .get("/api/lifecycle/alerts")
        .json()
        .forEach(a -> seenByMath.add(a.path("filingId").asLong()));
    assertThat(seenByMath).doesNotContain(id);
  }
}
