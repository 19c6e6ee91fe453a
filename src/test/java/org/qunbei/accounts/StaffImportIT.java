package org.qunbei.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * HR's staff file through the API and the pages: a preview that changes nothing and names every
 * refused row, then, once accepted, new people and a new department, a move, and a leaver who is
 * signed out for good and whose group the living registry flags.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class StaffImportIT {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  Api admin() {
    return Api.as(port, "admin");
  }

  private void hrAccount(String username, String name, String staffNumber) {
    var r =
        admin()
            .post(
                "/api/admin/users",
                "{\"username\":\"%s\",\"name\":\"%s\",\"department\":\"CS\",\"staffNumber\":\"%s\"}"
                    .formatted(username, name, staffNumber));
    assertThat(r.status()).as(r.text()).isEqualTo(201);
  }

  private Api.Reply upload(Api as, String contentType, byte[] file) {
    return as.send(
        as.request("/api/admin/staff-imports?fileName=staff.csv")
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
  }

  private static Map<String, JsonNode> byStaffNumber(JsonNode preview) {
    Map<String, JsonNode> rows = new HashMap<>();
    preview.path("people").forEach(p -> rows.putIfAbsent(p.path("staffNumber").asString(), p));
    return rows;
  }

  private long filedWithTeamMember(String name) {
    ObjectNode body = Samples.example();
    String number = String.valueOf(600_000_000L + System.nanoTime() % 100_000_000L);
    body.put("groupType", "QQ").put("groupNumber", number).put("groupName", "人事测试群" + number);
    ((ObjectNode) body.path("team").get(1)).put("name", name);
    long id =
        Api.as(port, "applicant").post("/api/filings", body.toString()).json().path("id").asLong();
    assertThat(Api.as(port, "applicant").post("/api/filings/" + id + "/submit", "").status())
        .isEqualTo(200);
    for (String a : new String[] {"depthead", "secrecy", "cyberoffice", "leader"}) {
      assertThat(
              Api.as(port, a)
                  .post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}")
                  .status())
          .isEqualTo(200);
    }
    return id;
  }

  @Test
  void aPreviewChangesNothingAndAcceptingItAppliesEveryGoodRowAndDepartsTheLeaver() {
    hrAccount("zhaoliu", "赵六", "T1001");
    hrAccount("qianqi", "钱七", "T1002");
    hrAccount("sunba", "孙八", "T1003");
    long group = filedWithTeamMember("孙八");
    String csv =
        "\uFEFF工号,姓名,部门代码,部门名称,邮箱\r\n"
            + "T1001,赵六,CS,,\r\n"
            + "T1002,钱七,MATH,,\r\n"
            + "T2001,新来的,PHYS2,物理学院（新区）,new@school.edu.cn\r\n"
            + "T2002,\"李,四\",cs,,\r\n"
            + "T2003,重复甲,CS,,\r\n"
            + "T2003,重复乙,CS,,\r\n"
            + "T2004,无部门,NOPE,,\r\n"
            + "T2005,,CS,,not-an-email\r\n";
    Api.Reply preview = upload(admin(), "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(preview.status()).as(preview.text()).isEqualTo(201);
    JsonNode p = preview.json();
    assertThat(p.path("applied").asBoolean()).isFalse();
    assertThat(p.path("counts").path("NEW").asInt()).isEqualTo(2);
    assertThat(p.path("counts").path("CHANGED").asInt()).isEqualTo(1);
    assertThat(p.path("counts").path("UNCHANGED").asInt()).isEqualTo(1);
    assertThat(p.path("counts").path("REFUSED").asInt()).isEqualTo(4);
    var rows = byStaffNumber(p);
    assertThat(rows.get("T1002").path("notes").get(0).asString()).isEqualTo("部门：CS → MATH");
    assertThat(rows.get("T1003").path("change").asString()).isEqualTo("DEPARTED");
    assertThat(rows.get("T1003").path("line").isNull()).isTrue();
    assertThat(rows.get("T2002").path("name").asString()).isEqualTo("李,四");
    assertThat(rows.get("T2002").path("username").asString()).isEqualTo("t2002");
    assertThat(rows.get("T2003").path("notes").get(0).asString()).contains("重复", "第 7 行");
    assertThat(rows.get("T2004").path("notes").get(0).asString()).contains("NOPE", "部门名称");
    assertThat(rows.get("T2005").path("notes").toString()).contains("“姓名”为空", "not-an-email");
    assertThat(p.path("departments").get(0).path("code").asString()).isEqualTo("PHYS2");
    // Nothing applied yet: nobody new, the leaver still signs in.
    assertThat(admin().get("/api/admin/users").text()).doesNotContain("\"t2001\"");
    assertThat(admin().get("/api/admin/departments").text()).doesNotContain("PHYS2");

    long id = p.path("id").asLong();
    assertThat(
            Api.as(port, "secadmin").post("/api/admin/staff-imports/" + id + "/apply", "").status())
        .isEqualTo(403);
    Api.Reply applied = admin().post("/api/admin/staff-imports/" + id + "/apply", "");
    assertThat(applied.status()).as(applied.text()).isEqualTo(200);
    assertThat(applied.json().path("applied").asBoolean()).isTrue();
    String users = admin().get("/api/admin/users").text();
    assertThat(users).contains("\"t2001\"", "\"t2002\"", "李,四");
    assertThat(admin().get("/api/admin/departments").text()).contains("PHYS2", "物理学院（新区）");
    JsonNode moved = null;
    JsonNode leaver = null;
    for (JsonNode u : admin().get("/api/admin/users").json()) {
      if (u.path("username").asString().equals("qianqi")) {
        moved = u;
      }
      if (u.path("username").asString().equals("sunba")) {
        leaver = u;
      }
    }
    assertThat(moved.path("department").asString()).isEqualTo("MATH");
    assertThat(leaver.path("enabled").asBoolean()).isFalse();
    assertThat(leaver.path("departed").asBoolean()).isTrue();

    // The living registry flags the group the leaver helps run.
    List<String> alerts = new ArrayList<>();
    for (JsonNode a : Api.as(port, "cyberoffice").get("/api/lifecycle/alerts").json()) {
      if (a.path("filingId").asLong() == group) {
        alerts.add(a.path("kind").asString() + ":" + a.path("text").asString());
      }
    }
    assertThat(alerts).containsExactly("MEMBER_DEPARTED:孙八 已离校");
    assertThat(Api.as(port, "auditor").get("/api/audit?size=100").text())
        .contains("sunba：account departed (staff import)", "t2001：account created (staff import)");

    Api.Reply twice = admin().post("/api/admin/staff-imports/" + id + "/apply", "");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().path("detail").asString()).contains("已经确认过");
  }

  @Test
  void aPreviewOvertakenByAChangeIsNotAppliedAndBadFilesAreRefusedWhole() throws Exception {
    hrAccount("zhoujiu", "周九", "T3001");
    Api.Reply preview =
        upload(admin(), "text/csv", "工号,姓名,部门代码\nT3001,周九,MATH\n".getBytes(StandardCharsets.UTF_8));
    long id = preview.json().path("id").asLong();
    admin()
        .put(
            "/api/admin/users/zhoujiu",
            "{\"name\":\"周九\",\"department\":\"MATH\",\"staffNumber\":\"T3001\"}",
            null);
    Api.Reply stale = admin().post("/api/admin/staff-imports/" + id + "/apply", "");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().path("detail").asString()).contains("请重新上传");

    // Excel's CSV in a Chinese Windows is GB18030; an .xlsx may name its columns its own way.
    Api.Reply gbk =
        upload(
            admin(),
            "text/csv",
            "工号,姓名,部门代码\nT3001,周九,MATH\nT3002,吴十,MATH\n".getBytes(Charset.forName("GB18030")));
    assertThat(gbk.status()).as(gbk.text()).isEqualTo(201);
    assertThat(byStaffNumber(gbk.json()).get("T3002").path("name").asString()).isEqualTo("吴十");
    Api.Reply xlsx =
        upload(
            admin(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            workbook(List.of("姓名", "单位代码", "职工号"), List.of("郑十一", "CS", "T3003")));
    assertThat(xlsx.status()).as(xlsx.text()).isEqualTo(201);
    assertThat(byStaffNumber(xlsx.json()).get("T3003").path("change").asString()).isEqualTo("NEW");

    Api.Reply missing =
        upload(admin(), "text/csv", "工号,姓名\nT1,某人\n".getBytes(StandardCharsets.UTF_8));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.error("file")).contains("缺少必填的列：部门代码");
    assertThat(upload(admin(), "text/csv", new byte[0]).error("file")).contains("请选择");
    assertThat(upload(Api.as(port, "secadmin"), "text/csv", "工号,姓名,部门代码\n".getBytes()).status())
        .isEqualTo(403);
    assertThat(admin().get("/api/admin/users").text()).doesNotContain("t3002", "t3003");

    // A directory sync applies its file in one call, as API.md describes the endpoint.
    Api.Reply synced =
        admin()
            .send(
                admin()
                    .request("/api/admin/staff-imports?apply=true")
                    .header("Content-Type", "text/csv")
                    .POST(
                        HttpRequest.BodyPublishers.ofByteArray(
                            "工号,姓名,部门代码\nT3001,周九,MATH\nT3009,同步来的,CS\n"
                                .getBytes(StandardCharsets.UTF_8))));
    assertThat(synced.status()).as(synced.text()).isEqualTo(201);
    assertThat(synced.json().path("applied").asBoolean()).isTrue();
    assertThat(admin().get("/api/admin/users").text()).contains("\"t3009\"");
  }

  @Test
  void theConsolePagesPreviewThenApply() throws Exception {
    var file =
        new MockMultipartFile(
            "file",
            "教职工.csv",
            "text/csv",
            "工号,姓名,部门代码\nT4001,页面导入,CS\n".getBytes(StandardCharsets.UTF_8));
    var admin = SecurityMockMvcRequestPostProcessors.httpBasic("admin", "demo123");
    var csrf = SecurityMockMvcRequestPostProcessors.csrf();
    String form =
        mvc.perform(get("/admin/staff-imports").with(admin))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(form).contains("从人事系统导入教职工", "上传并预览");
    var uploaded =
        mvc.perform(multipart("/admin/staff-imports").file(file).with(admin).with(csrf))
            .andReturn();
    String location = uploaded.getResponse().getRedirectedUrl();
    assertThat(location).matches(".*/admin/staff-imports/\\d+");
    String page =
        mvc.perform(get(location).with(admin))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("导入预览", "页面导入", "新增", "确认导入", "教职工.csv");
    String done =
        mvc.perform(post(location + "/apply").with(admin).with(csrf))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(done).contains("导入结果", "已导入：教职工.csv").doesNotContain("id=\"apply-staff\"");
    String bad =
        mvc.perform(
                multipart("/admin/staff-imports")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "x.csv",
                            "text/csv",
                            "姓名\n某\n".getBytes(StandardCharsets.UTF_8)))
                    .with(admin)
                    .with(csrf))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(bad).contains("缺少必填的列：工号、部门代码");
  }

  private static byte[] workbook(List<String> header, List<String> row) throws Exception {
    try (var wb = new XSSFWorkbook();
        var out = new ByteArrayOutputStream()) {
      var sheet = wb.createSheet("教职工");
      var h = sheet.createRow(0);
      var r = sheet.createRow(1);
      for (int i = 0; i < header.size(); i++) {
        h.createCell(i).setCellValue(header.get(i));
        r.createCell(i).setCellValue(row.get(i));
      }
      wb.write(out);
      return out.toByteArray();
    }
  }
}
