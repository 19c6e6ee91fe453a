package org.qunbei.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.Sheets;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Importing paper-era filings, end to end over HTTP on each database: the template, the rules and
 * the report, re-import without duplicates, and hostile files that import nothing.
 */
abstract class PaperImportContract {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @LocalServerPort int port;
  @org.springframework.beans.factory.annotation.Autowired org.qunbei.registry.jobs.JobSweep sweep;

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  @org.springframework.beans.factory.annotation.Autowired org.qunbei.system.SqlInstants instants;

  @org.springframework.beans.factory.annotation.Autowired org.qunbei.registry.jobs.JobLeases leases;

  Api cyber() {
    return Api.as(port, "cyberoffice");
  }

  byte[] template() {
    var r = cyber().get("/registry/import/template");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith(XLSX);
    return r.bytes();
  }

  /** Uploads a workbook and waits for its job to finish; returns the job as the API shows it. */
  JsonNode importAndWait(byte[] workbook) throws InterruptedException {
    var started = cyber().postBytes("/api/registry/imports?fileName=t.xlsx", XLSX, workbook);
    assertThat(started.status()).as(started.text()).isEqualTo(202);
    String location = started.header("Location");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode job = cyber().get(location).json();
      String status = job.path("status").asString();
      if (status.equals("DONE") || status.equals("FAILED")) {
        return job;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("import did not finish: " + cyber().get(location).text());
  }

  long registryCount(String q) {
    return cyber()
        .get(
            "/api/filings?q="
                + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8))
        .json()
        .path("totalElements")
        .asLong();
  }

  static List<String> issues(JsonNode job) {
    List<String> out = new java.util.ArrayList<>();
    job.path("issues")
        .forEach(
            i ->
                out.add(
                    i.path("line").asInt()
                        + "|"
                        + i.path("column").asString("")
                        + "|"
                        + i.path("message").asString()));
    return out;
  }

  @Test
  void theTemplateHasEveryColumnOfTheFormWithHelpAndAnExample() throws Exception {
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(template()))) {
      var head = wb.getSheetAt(0).getRow(0);
      List<String> headers = new java.util.ArrayList<>();
      head.forEach(c -> headers.add(c.getStringCellValue()));
      assertThat(headers)
          .contains(
              "备案表编号*", "填表日期*", "所属部门*", "群名称*", "群号", "群主手机*", "管理员1姓名", "信息留存*", "备案承诺已签署*");
      assertThat(wb.getSheet("填写说明").getLastRowNum()).isEqualTo(headers.size());
      assertThat(wb.getSheetAt(0).getDataValidations()).isNotEmpty();
    }
  }

  @Test
  void goodRowsAreFiledWithTheirPaperNumberBadOnesReportedAndReimportSkips() throws Exception {
    byte[] template = template();
    String tag = Long.toString(System.nanoTime(), 36);
    var good =
        Sheets.exampleRow(template, Map.of("备案表编号", "纸-" + tag + "-1", "群名称", "导入测试群" + tag));
    var bad =
        Sheets.exampleRow(
            template,
            Map.of(
                "备案表编号", "纸-" + tag + "-2",
                "群名称", "导入测试坏行" + tag,
                "所属部门", "NOPE",
                "填表日期", "2021/13/45",
                "群类型", "飞书",
                "群主手机", "1380"));
    var formula =
        Sheets.exampleRow(
            template,
            Map.of("备案表编号", "纸-" + tag + "-3", "群名称", "=HYPERLINK(\"http://x.example\",\"点我\")"));
    var repeated =
        Sheets.exampleRow(template, Map.of("备案表编号", "纸-" + tag + "-1", "群名称", "重复" + tag));
    byte[] file = Sheets.filled(template, List.of(good, bad, formula, repeated));

    JsonNode job = importAndWait(file);
    assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("DONE");
    assertThat(job.path("importedRows").asInt()).isEqualTo(1);
    assertThat(job.path("badRows").asInt()).isEqualTo(3);
    assertThat(job.path("message").asString()).contains("导入 1 份备案", "3 行有误");
    List<String> report = issues(job);
    assertThat(report)
        .anySatisfy(i -> assertThat(i).startsWith("3|所属部门|").contains("NOPE"))
        .anySatisfy(i -> assertThat(i).startsWith("3|填表日期|").contains("无法识别"))
        .anySatisfy(i -> assertThat(i).startsWith("3|群类型|").contains("飞书", "微信群"))
        .anySatisfy(i -> assertThat(i).startsWith("3|群主手机|"))
        .anySatisfy(i -> assertThat(i).startsWith("4|群名称|").contains("公式"))
        .anySatisfy(i -> assertThat(i).startsWith("5|备案表编号|").contains("第 2 行"));

    var found =
        cyber()
            .get(
                "/api/filings?q="
                    + java.net.URLEncoder.encode(
                        "导入测试群" + tag, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(found.json().path("totalElements").asLong()).isEqualTo(1);
    JsonNode entry = found.json().path("content").get(0);
    assertThat(entry.path("number").asString()).isEqualTo("纸-" + tag + "-1");
    assertThat(entry.path("status").asString()).isEqualTo("FILED");
    JsonNode filing = cyber().get("/api/filings/" + entry.path("id").asLong()).json();
    assertThat(filing.path("origin").asString()).isEqualTo("PAPER");
    assertThat(filing.path("filledOn").asString()).isEqualTo("2021-03-15");
    assertThat(filing.path("team").size()).isEqualTo(2);
    assertThat(filing.path("team").get(1).path("duties").asString()).isEqualTo("成员准入审核、日常通知发布");
    assertThat(registryCount("导入测试坏行" + tag)).isZero();

    // The same file again: nothing new, the imported row skipped, the bad ones reported again.
    JsonNode again = importAndWait(file);
    assertThat(again.path("importedRows").asInt()).isZero();
    assertThat(again.path("skippedRows").asInt()).isEqualTo(1);
    assertThat(again.path("badRows").asInt()).isEqualTo(3);
    assertThat(registryCount("导入测试群" + tag)).isEqualTo(1);
  }

  @Test
  void damagedOldBombedAndHugeFilesAreRefusedWithAReasonAndImportNothing() throws Exception {
    long before = cyber().get("/api/filings").json().path("totalElements").asLong();
    byte[] template = template();
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    files.put("不是 Excel", "这不是表格".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] ole2 = new byte[600];
    System.arraycopy(
        new byte[] {
          (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
        },
        0,
        ole2,
        0,
        8);
    files.put("旧版", ole2);
    files.put("损坏", java.util.Arrays.copyOf(template, template.length / 2));
    files.put("压缩炸弹", Sheets.bomb(300));
    // A million rows unpack to some 50 MB: refused before any row is read.
    files.put("超过 32 MB", Sheets.manyRows(1_000_000));
    // Refused at once, by the upload, naming it: no job is made of a file that is no workbook.
    for (var e : files.entrySet()) {
      var refused = cyber().postBytes("/api/registry/imports?fileName=t.xlsx", XLSX, e.getValue());
      assertThat(refused.status()).as(e.getKey() + refused.text()).isEqualTo(400);
      assertThat(refused.error("file")).as(e.getKey()).startsWith("导入的工作簿：").contains(e.getKey());
    }
    files.clear();
    files.put("超过 5000 行", Sheets.manyRows(5200));
    // Reading stops at the limit, long before the end of the sheet.
    files.put("5000 行", Sheets.manyRows(300_000));
    for (var e : files.entrySet()) {
      JsonNode job = importAndWait(e.getValue());
      assertThat(job.path("status").asString()).as(e.getKey()).isEqualTo("FAILED");
      assertThat(job.path("importedRows").asInt()).isZero();
      assertThat(job.path("message").asString()).as(e.getKey()).contains(e.getKey());
      assertThat(issues(job))
          .as(e.getKey())
          .hasSize(1)
          .allSatisfy(i -> assertThat(i).startsWith("0||"));
    }
    assertThat(cyber().get("/api/filings").json().path("totalElements").asLong()).isEqualTo(before);
  }

  @Test
  void theStatisticsCountWhatWasFiledInThePeriodAsTheImportBroughtIt() throws Exception {
    byte[] template = template();
    String tag = Long.toString(System.nanoTime(), 36);
    // A fill date no other test uses, so that the period holds exactly these three.
    String day = "2019-05-" + (10 + (int) (System.nanoTime() % 18));
    String soon = java.time.LocalDate.now().plusMonths(2).toString();
    List<Map<String, String>> rows =
        List.of(
            Map.of("群名称", "统计甲" + tag),
            Map.of(
                "群名称",
                "统计乙" + tag,
                "群成员构成",
                "本单位内部人员、包含服务对象",
                "外部成员审核人姓名",
                "李晓梅",
                "外部成员审核人职务",
                "教学秘书",
                "外部成员审核人办公电话",
                "010-62780002",
                "外部成员审核人手机",
                "13801010002"),
            Map.of(
                "群名称",
                "统计丙" + tag,
                "所属部门",
                "MATH",
                "群类型",
                "钉钉群",
                "群号",
                "88" + (System.nanoTime() % 100000000L + 100000000L),
                "预计存续期限",
                "短期（到期前解散）",
                "解散日期",
                soon));
    List<Map<String, String>> filled = new java.util.ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      var changes = new java.util.HashMap<>(rows.get(i));
      changes.put("备案表编号", "统-" + tag + "-" + i);
      changes.put("填表日期", day);
      changes.put("创建时间", "2019-01-10");
      filled.add(Sheets.exampleRow(template, changes));
    }
    JsonNode job = importAndWait(Sheets.filled(template, filled));
    assertThat(job.path("importedRows").asInt()).as(job.toString()).isEqualTo(3);

    JsonNode stats = cyber().get("/api/statistics?from=" + day + "&to=" + day).json();
    assertThat(stats.path("filed").asLong()).isEqualTo(3);
    assertThat(stats.path("withExternalMembers").asLong()).isEqualTo(1);
    assertThat(counts(stats.path("byDepartment")))
        .containsEntry("CS", 2L)
        .containsEntry("MATH", 1L);
    assertThat(counts(stats.path("byPlatform")))
        .containsEntry("WECHAT", 2L)
        .containsEntry("DINGTALK", 1L);
    assertThat(counts(stats.path("shortTermByMonth"))).containsEntry(soon.substring(0, 7), 1L);
    assertThat(stats.path("byDepartment").get(0).path("label").asString()).isEqualTo("计算机学院");
    // The day before holds none of them.
    String before = java.time.LocalDate.parse(day).minusDays(1).toString();
    assertThat(
            cyber()
                .get("/api/statistics?from=" + before + "&to=" + before)
                .json()
                .path("filed")
                .asLong())
        .isZero();

    var bad = cyber().get("/api/statistics?from=2019-13-01&to=" + day);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.error("from")).contains("开始日期", "2019-13-01");
    assertThat(cyber().get("/api/statistics?from=" + day + "&to=" + before).error("to"))
        .contains("结束日期不能早于开始日期");
  }

  static Map<String, Long> counts(JsonNode list) {
    Map<String, Long> m = new java.util.HashMap<>();
    list.forEach(c -> m.put(c.path("key").asString(), c.path("count").asLong()));
    return m;
  }

  @Test
  void jobsGoWithTheirFilesAndReportsAfterAWeek() throws Exception {
    byte[] template = template();
    var old = cyber().postBytes("/api/registry/imports", XLSX, template);
    var fresh = cyber().postBytes("/api/registry/imports", XLSX, template);
    long oldId = Long.parseLong(old.header("Location").replaceAll(".*/", ""));
    jdbc.update(
        "update registry_job set created_at = ? where id = ?",
        instants.bind(java.time.Instant.now().minus(java.time.Duration.ofDays(8))),
        oldId);
    importAndWaitFor(fresh.header("Location"));
    importAndWaitFor(old.header("Location"));

    sweep.sweep();
    assertThat(cyber().get(old.header("Location")).status()).isEqualTo(404);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from registry_job_issue where job_id = ?", Long.class, oldId))
        .isZero();
    assertThat(cyber().get(fresh.header("Location")).status()).isEqualTo(200);
  }

  /**
   * A job left queued or running by a node that died (its lease not renewed for minutes) is run
   * again by a live node, as it was asked, in its owner's language; one whose second node died too
   * is marked failed with a message saying so, and frees its owner to start another.
   */
  @Test
  void aJobWhoseNodeDiedIsTakenOverOnceThenMarkedFailed() throws Exception {
    byte[] template = template();
    String tag = Long.toString(System.nanoTime(), 36);
    importAndWait(
        Sheets.filled(
            template,
            List.of(
                Sheets.exampleRow(template, Map.of("备案表编号", "纸-" + tag, "群名称", "接手测试群" + tag)))));
    long filed = registryCount("");
    long taken = silentExport("status=FILED&sort=number%2Casc", 1);
    long lost = silentExport("", 2);
    long fresh = silentExport("", 1);
    // A job whose lease is still being renewed is not touched.
    jdbc.update(
        "update registry_job set updated_at = ? where id = ?",
        instants.bind(java.time.Instant.now()),
        fresh);

    leases.takeOver();
    leases.takeOver(); // a second look finds nothing more to take

    JsonNode done = importAndWaitFor("/api/registry/jobs/" + taken);
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("DONE");
    var workbook = cyber().get("/jobs/" + taken + "/file");
    assertThat(workbook.status()).isEqualTo(200);
    try (var book = new XSSFWorkbook(new ByteArrayInputStream(workbook.bytes()))) {
      long rows = book.getSheetAt(0).getLastRowNum();
      long filedNow =
          jdbc.queryForObject("select count(*) from filing where status = 'FILED'", Long.class);
      assertThat(rows).as("the export taken over, with its filters").isEqualTo(filedNow);
      assertThat(filedNow).isPositive().isLessThanOrEqualTo(filed);
    }
    JsonNode failed = cyber().get("/api/registry/jobs/" + lost).json();
    assertThat(failed.path("status").asString()).isEqualTo("FAILED");
    assertThat(failed.path("message").asString()).contains("任务中断");
    assertThat(cyber().get("/api/registry/jobs/" + fresh).json().path("status").asString())
        .isEqualTo("RUNNING");
    assertThat(
            jdbc.queryForObject(
                "select attempts from registry_job where id = ?", Integer.class, taken))
        .as("claimed once, by one look")
        .isEqualTo(2);
    jdbc.update("update registry_job set status = 'FAILED' where id = ?", fresh);
  }

  /** A registry export as a node that died left it: running, its lease ten minutes old. */
  private long silentExport(String request, int attempts) {
    Object old = instants.bind(java.time.Instant.now().minus(java.time.Duration.ofMinutes(10)));
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(
        c -> {
          var ps =
              c.prepareStatement(
                  "insert into registry_job (kind, status, owner, parameters, file_name,"
                      + " total_rows, done_rows, imported_rows, skipped_rows, bad_rows,"
                      + " created_at, updated_at, request, locale, attempts)"
                      + " values ('EXPORT', 'RUNNING', 'cyberoffice', '全部', '备案台账.xlsx',"
                      + " 10, 3, 0, 0, 0, ?, ?, ?, 'zh-CN', ?)",
                  new String[] {"id"});
          ps.setObject(1, old);
          ps.setObject(2, old);
          ps.setString(3, request);
          ps.setInt(4, attempts);
          return ps;
        },
        key);
    return key.getKey().longValue();
  }

  JsonNode importAndWaitFor(String location) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode job = cyber().get(location).json();
    while (System.nanoTime() < deadline
        && !List.of("DONE", "FAILED").contains(job.path("status").asString())) {
      Thread.sleep(200);
      job = cyber().get(location).json();
    }
    return job;
  }

  @Test
  void aRowWithAnUnreadableOptionalCellIsReportedAndNotImported() throws Exception {
    byte[] template = template();
    String tag = Long.toString(System.nanoTime(), 36);
    var row =
        Sheets.exampleRow(
            template, Map.of("备案表编号", "疑-" + tag, "群名称", "可选列有误" + tag, "涉密工作", "也许"));
    JsonNode job = importAndWait(Sheets.filled(template, List.of(row)));
    assertThat(job.path("importedRows").asInt()).isZero();
    assertThat(job.path("badRows").asInt()).isEqualTo(1);
    assertThat(issues(job)).containsExactly("2|涉密工作|请填写“是”或“否”，而不是“也许”");
    assertThat(registryCount("可选列有误" + tag)).isZero();
  }

  @Test
  void aPaperNumberShapedLikeAnOnlineOneIsRefusedSoTheOnlineSequenceNeverMeetsIt()
      throws Exception {
    byte[] template = template();
    String tag = Long.toString(System.nanoTime(), 36);
    String online = "QB-" + java.time.Year.now().getValue() + "-00050";
    var row = Sheets.exampleRow(template, Map.of("备案表编号", online, "群名称", "同形编号" + tag));
    JsonNode job = importAndWait(Sheets.filled(template, List.of(row)));
    assertThat(job.path("importedRows").asInt()).isZero();
    assertThat(issues(job))
        .anySatisfy(i -> assertThat(i).startsWith("2|备案表编号|").contains(online, "同形", "纸-"));
    assertThat(registryCount("同形编号" + tag)).isZero();
  }

  @Test
  void onlyTheRegistryKeepersImportAndOnlyTheOwnerSeesAJob() throws Exception {
    byte[] template = template();
    var applicant = Api.as(port, "applicant");
    assertThat(applicant.postBytes("/api/registry/imports", XLSX, template).status())
        .isEqualTo(403);
    assertThat(applicant.get("/registry/import/template").status()).isEqualTo(200);
    assertThat(Api.anonymous(port).postBytes("/api/registry/imports", XLSX, template).status())
        .isEqualTo(401);
    assertThat(cyber().postBytes("/api/registry/imports", "text/csv", template).status())
        .isEqualTo(415);
    var started = cyber().postBytes("/api/registry/imports", XLSX, template);
    assertThat(Api.as(port, "admin").get(started.header("Location")).status()).isEqualTo(404);
    assertThat(cyber().get(started.header("Location")).status()).isEqualTo(200);
    // An import has no workbook to download, and another user's job is nobody's business.
    String file = started.header("Location").replace("/api/registry", "") + "/file";
    for (Api who : List.of(cyber(), Api.as(port, "admin"))) {
      var refused = who.get(file);
      assertThat(refused.status()).isEqualTo(404);
      assertThat(refused.header("Content-Type")).doesNotContain("spreadsheetml");
      assertThat(refused.header("Content-Disposition")).isNull();
    }
  }
}
