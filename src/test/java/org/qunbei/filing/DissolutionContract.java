package org.qunbei.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The dissolution report (解散报备) through the API on each database: confirmed by the department's
 * head, recorded by the cyberspace office; the group is then DISSOLVED, stays in the registry with
 * its history, and its group number is free again.
 */
abstract class DissolutionContract extends LivingRegistryContract {

  Api.Reply dissolve(String user, long id, String on, String reason) {
    return as(user)
        .post(
            "/api/filings/" + id + "/dissolution",
            "{\"dissolvedOn\":\"" + on + "\",\"reason\":\"" + reason + "\"}");
  }

  Api.Reply decide(String user, long id, String decision, String opinion) {
    return as(user)
        .post(
            "/api/filings/" + id + "/decisions",
            "{\"decision\":\"" + decision + "\",\"opinion\":\"" + opinion + "\"}");
  }

  boolean hasTask(String user, long id) {
    for (JsonNode t : as(user).get("/api/tasks?size=100").json().path("content")) {
      if (t.path("id").asLong() == id) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aConfirmedAndRecordedReportDissolvesTheGroupAndFreesItsNumber() {
    String number = uniqueNumber();
    long id = filed(group(number));
    Api.Reply reported = dissolve("applicant", id, yesterday(), "学期结束，课程群任务完成");
    assertThat(reported.status()).as(reported.text()).isEqualTo(201);
    JsonNode f = reported.json();
    assertThat(f.path("status").asString()).isEqualTo("FILED");
    assertThat(f.path("currentStep").asString()).isEqualTo("DISSOLUTION_DEPARTMENT");
    assertThat(f.path("dissolution").path("reason").asString()).isEqualTo("学期结束，课程群任务完成");
    assertThat(f.path("dissolution").path("dueBy").asString()).isNotBlank();

    assertThat(hasTask("depthead", id)).isTrue();
    assertThat(hasTask("cyberoffice", id)).isFalse();
    assertThat(decide("depthead", id, "APPROVE", "").status()).isEqualTo(200);
    assertThat(hasTask("cyberoffice", id)).isTrue();
    assertThat(applicant().get("/api/filings/" + id).json().path("currentStep").asString())
        .isEqualTo("DISSOLUTION_RECORD");
    assertThat(decide("cyberoffice", id, "APPROVE", "已登记").status()).isEqualTo(200);

    JsonNode done = applicant().get("/api/filings/" + id).json();
    assertThat(done.path("status").asString()).isEqualTo("DISSOLVED");
    assertThat(done.path("currentStep").isNull()).isTrue();
    assertThat(done.path("dissolvedAt").asString()).isNotBlank();
    List<String> steps = new ArrayList<>();
    done.path("decisions")
        .forEach(d -> steps.add(d.path("step").asString() + ":" + d.path("opinion").asString()));
    assertThat(steps)
        .endsWith("DISSOLUTION_DEPARTMENT:情况属实，同意解散", "DISSOLUTION_RECORD:已登记")
        .hasSize(6);
    // Section 五 of the printout is still the filing's own four approvals.
    assertThat(applicant().get("/api/filings/" + id + "/pdf").status()).isEqualTo(200);
    assertThat(registry("q=" + number)).containsExactly(id);

    // The number is free: the same chat group, filed anew, goes through.
    var again = applicant().post("/api/filings", group(number).toString());
    var submitted =
        applicant().post("/api/filings/" + again.json().path("id").asLong() + "/submit", "");
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
  }

  @Test
  void aRefusedReportLeavesTheGroupOnTheRegisterAndMayBeMadeAgain() {
    long id = filed(group(uniqueNumber()));
    dissolve("applicant", id, yesterday(), "误报");
    assertThat(decide("depthead", id, "RETURN", "该群仍在使用").status()).isEqualTo(200);
    JsonNode f = applicant().get("/api/filings/" + id).json();
    assertThat(f.path("status").asString()).isEqualTo("FILED");
    assertThat(f.path("currentStep").isNull()).isTrue();
    assertThat(f.path("dissolution").isNull()).isTrue();
    assertThat(hasTask("depthead", id)).isFalse();

    assertThat(dissolve("applicant", id, yesterday(), "学期结束").status()).isEqualTo(201);
    assertThat(decide("depthead", id, "APPROVE", "").status()).isEqualTo(200);
    assertThat(decide("cyberoffice", id, "APPROVE", "").status()).isEqualTo(200);
    assertThat(applicant().get("/api/filings/" + id).json().path("status").asString())
        .isEqualTo("DISSOLVED");
  }

  @Test
  void aReportIsRefusedByNameWhenItCannotBe() {
    long id = filed(group(uniqueNumber()));
    long draft =
        applicant()
            .post("/api/filings", group(uniqueNumber()).toString())
            .json()
            .path("id")
            .asLong();
    Api.Reply notFiled = dissolve("applicant", draft, yesterday(), "x");
    assertThat(notFiled.status()).isEqualTo(409);
    assertThat(notFiled.json().path("detail").asString()).contains("只有已备案的当前版本可以报备解散");
    assertThat(dissolve("applicant2", id, yesterday(), "x").status()).isEqualTo(404);

    Api.Reply future = dissolve("applicant", id, LocalDate.now().plusDays(1).toString(), " ");
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.error("dissolvedOn")).isEqualTo("解散日期不能晚于今天");
    assertThat(future.error("reason")).isEqualTo("请填写解散原因");
    assertThat(dissolve("applicant", id, "2020-01-01", "x").error("dissolvedOn"))
        .contains("不能早于建群时间");

    long changing = change(id, yesterday(), "群主变更").json().path("id").asLong();
    Api.Reply whileChanging = dissolve("applicant", id, yesterday(), "x");
    assertThat(whileChanging.status()).isEqualTo(409);
    assertThat(whileChanging.json().path("detail").asString()).contains("变更备案");
    assertThat(changing).isPositive();

    long other = filed(group(uniqueNumber()));
    assertThat(dissolve("applicant", other, yesterday(), "结束").status()).isEqualTo(201);
    assertThat(dissolve("applicant", other, yesterday(), "结束").status()).isEqualTo(409);
    Api.Reply changeWhileDissolving = change(other, yesterday(), "变更");
    assertThat(changeWhileDissolving.status()).isEqualTo(409);
    assertThat(changeWhileDissolving.json().path("detail").asString()).contains("解散报备");
    // The applicant who reported it does not decide it, even as a department head would.
    assertThat(decide("applicant", other, "APPROVE", "").status()).isIn(403, 404);
  }
}
