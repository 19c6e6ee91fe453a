package org.qunbei.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The living registry's change filings through the API on each database: a filed group changes
 * through a whole new form and the four approvals, and keeps its identity, its history and its
 * group number throughout.
 */
abstract class ChangeFilingContract extends LivingRegistryContract {

  @Test
  void aChangeGoesThroughTheChainAndSupersedesTheVersionItChanges() {
    String number = uniqueNumber();
    long first = filed(group(number));

    Api.Reply started = change(first, yesterday(), "群主变更，群名称调整");
    assertThat(started.status()).as(started.text()).isEqualTo(201);
    JsonNode draft = started.json();
    long second = draft.path("id").asLong();
    assertThat(started.header("Location")).isEqualTo("/api/filings/" + second);
    assertThat(draft.path("kind").asString()).isEqualTo("CHANGE");
    assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
    assertThat(draft.path("previousId").asLong()).isEqualTo(first);
    assertThat(draft.path("groupId").asLong()).isEqualTo(first);
    assertThat(draft.path("changeReason").asString()).isEqualTo("群主变更，群名称调整");
    assertThat(draft.path("dueBy").asString()).isNotBlank();
    assertThat(draft.path("late").asBoolean()).isFalse();
    assertThat(draft.path("number").isNull()).isTrue();
    assertThat(draft.path("groupNumber").asString()).isEqualTo(number);

    ObjectNode edited = group(number);
    edited.put("groupName", "变更后的群" + number);
    ((ObjectNode) edited.path("team").get(0)).put("name", "李新主").put("mobile", "13900001111");
    assertThat(applicant().put("/api/filings/" + second, edited.toString(), null).status())
        .isEqualTo(200);

    JsonNode diff = applicant().get("/api/filings/" + second + "/diff?from=" + first).json();
    List<String> fields = new ArrayList<>();
    diff.path("changes").forEach(c -> fields.add(c.path("field").asString()));
    assertThat(fields).containsExactly("groupName", "team[0].name", "team[0].mobile");
    JsonNode name = diff.path("changes").get(0);
    assertThat(name.path("from").asString()).isEqualTo("变更测试群" + number);
    assertThat(name.path("to").asString()).isEqualTo("变更后的群" + number);
    assertThat(name.path("label").asString()).isEqualTo("群名称");

    // The same group number: the change holds it through review, no second group is claimed.
    submitAndApprove(second);
    JsonNode old = applicant().get("/api/filings/" + first).json();
    JsonNode current = applicant().get("/api/filings/" + second).json();
    assertThat(old.path("status").asString()).isEqualTo("SUPERSEDED");
    assertThat(current.path("status").asString()).isEqualTo("FILED");
    assertThat(current.path("number").asString()).isNotEqualTo(old.path("number").asString());
    assertThat(applicant().get("/api/filings/" + first + "/pdf").status()).isEqualTo(200);

    JsonNode versions = applicant().get("/api/filings/" + first + "/versions").json();
    assertThat(versions.size()).isEqualTo(2);
    assertThat(versions.get(0).path("kind").asString()).isEqualTo("NEW");
    assertThat(versions.get(0).path("status").asString()).isEqualTo("SUPERSEDED");
    assertThat(versions.get(1).path("id").asLong()).isEqualTo(second);
    assertThat(versions.get(1).path("filedAt").asString()).isNotBlank();

    // The registry lists the group once, by its current version.
    assertThat(registry("q=" + number)).containsExactly(second);
    assertThat(registry("q=" + number + "&status=SUPERSEDED")).containsExactly(first);

    // Another group cannot take the number the current version holds.
    var other = applicant().post("/api/filings", group(number).toString());
    var refused =
        applicant().post("/api/filings/" + other.json().path("id").asLong() + "/submit", "");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.error("groupNumber")).contains(current.path("number").asString());
  }

  @Test
  void aRejectedChangeLeavesTheCurrentVersionAndItsGroupNumber() {
    String number = uniqueNumber();
    long first = filed(group(number));
    long second = change(first, yesterday(), "群号变更").json().path("id").asLong();
    ObjectNode moved = group(uniqueNumber());
    applicant().put("/api/filings/" + second, moved.toString(), null);
    applicant().post("/api/filings/" + second + "/submit", "");
    var rejected =
        as("depthead")
            .post(
                "/api/filings/" + second + "/decisions",
                "{\"decision\":\"REJECT\",\"opinion\":\"无需变更\"}");
    assertThat(rejected.status()).isEqualTo(200);
    assertThat(applicant().get("/api/filings/" + first).json().path("status").asString())
        .isEqualTo("FILED");
    var other = applicant().post("/api/filings", group(number).toString());
    assertThat(
            applicant()
                .post("/api/filings/" + other.json().path("id").asLong() + "/submit", "")
                .status())
        .as("the current version still holds its number")
        .isEqualTo(400);
    // With the rejected change closed, a new change may start.
    assertThat(change(first, yesterday(), "再次变更").status()).isEqualTo(201);
  }

  @Test
  void aChangeIsRefusedByNameWhenItCannotBe() {
    long first = filed(group(uniqueNumber()));
    var draft = applicant().post("/api/filings", group(uniqueNumber()).toString());
    long draftId = draft.json().path("id").asLong();

    Api.Reply notFiled = change(draftId, yesterday(), "变更");
    assertThat(notFiled.status()).isEqualTo(409);
    assertThat(notFiled.json().path("detail").asString()).contains("只有已备案的当前版本可以变更");
    assertThat(
            as("applicant2")
                .post(
                    "/api/filings/" + first + "/changes",
                    "{\"changedOn\":\"" + yesterday() + "\",\"reason\":\"x\"}")
                .status())
        .isEqualTo(404);

    Api.Reply future = change(first, LocalDate.now().plusDays(3).toString(), "");
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.error("changedOn")).isEqualTo("变更日期不能晚于今天");
    assertThat(future.error("reason")).isEqualTo("请填写变更事项（什么发生了变化）");
    assertThat(change(first, "2020-01-01", "早于建群").error("changedOn")).contains("不能早于建群时间");
    assertThat(
            applicant()
                .post("/api/filings/" + first + "/changes", "{\"changedOn\":\"2026-02-30\"}")
                .error("changedOn"))
        .isNotBlank();

    assertThat(change(first, yesterday(), "第一次").status()).isEqualTo(201);
    Api.Reply twice = change(first, yesterday(), "第二次");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().path("detail").asString()).contains("未完成的变更备案");
    assertThat(applicant().get("/api/filings/" + first + "/versions").json().size()).isEqualTo(2);
  }

  @Test
  void aChangeFiledPastItsDueDayIsMarkedLateInTheRegistryTheExportAndTheStatistics()
      throws Exception {
    String number = uniqueNumber();
    long first = filed(group(number));
    JsonNode before = as("cyberoffice").get("/api/statistics").json();
    // Changed on the day the group was created (2026-09-01): five working days ran out long ago.
    JsonNode draft = change(first, "2026-09-01", "群主变更").json();
    assertThat(draft.path("dueBy").asString()).isEqualTo("2026-09-08");
    assertThat(draft.path("late").asBoolean()).isTrue();
    long second = draft.path("id").asLong();
    submitAndApprove(second);
    assertThat(applicant().get("/api/filings/" + second).json().path("late").asBoolean()).isTrue();

    JsonNode entry =
        as("cyberoffice").get("/api/filings?q=" + number).json().path("content").get(0);
    assertThat(entry.path("id").asLong()).isEqualTo(second);
    assertThat(entry.path("kind").asString()).isEqualTo("CHANGE");
    assertThat(entry.path("late").asBoolean()).isTrue();

    JsonNode after = as("cyberoffice").get("/api/statistics").json();
    assertThat(after.path("changes").asLong() - before.path("changes").asLong()).isEqualTo(1);
    assertThat(after.path("lateChanges").asLong() - before.path("lateChanges").asLong())
        .isEqualTo(1);

    var export = as("cyberoffice").get("/api/filings/export?q=" + number);
    try (var wb = FilingApiContract.workbook(export.bytes())) {
      var sheet = wb.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).as("the current version only").isEqualTo(1);
      assertThat(FilingApiContract.cell(sheet, "类别").getStringCellValue()).isEqualTo("变更备案");
      assertThat(FilingApiContract.cell(sheet, "变更事项").getStringCellValue()).isEqualTo("群主变更");
      assertThat(FilingApiContract.cell(sheet, "应备案日期").getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.of(2026, 9, 8));
      assertThat(FilingApiContract.cell(sheet, "逾期").getStringCellValue()).isEqualTo("是");
    }
  }
}
