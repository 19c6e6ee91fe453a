package org.qunbei.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API contract of API.md, run end to end over HTTP against each database (see the *IT
 * subclasses): what another school system would see.
 */
abstract class FilingApiContract {

  @LocalServerPort int port;

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  @org.springframework.beans.factory.annotation.Autowired org.qunbei.system.SqlInstants instants;

  Api applicant() {
    return Api.as(port, "applicant");
  }

  Api as(String user) {
    return Api.as(port, user);
  }

  long create(Api api, ObjectNode body) {
    var r = api.post("/api/filings", body.toString());
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  @Test
  void theExampleIsDraftedThenSubmittedAndGetsANumber() {
    ObjectNode body = Samples.example();
    var created = applicant().post("/api/filings", body.toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    assertThat(created.header("Location")).isEqualTo("/api/filings/" + id);
    assertThat(created.json().path("status").asString()).isEqualTo("DRAFT");
    assertThat(created.json().path("number").isNull()).isTrue();
    assertThat(created.json().path("team").size()).isEqualTo(4);
    assertThat(created.json().path("rules").path("retention").path("archivist").asString())
        .isEqualTo("陈静");

    var submitted = applicant().post("/api/filings/" + id + "/submit", "");
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
    JsonNode f = submitted.json();
    assertThat(f.path("status").asString()).isEqualTo("IN_REVIEW");
    assertThat(f.path("currentStep").asString()).isEqualTo("DEPARTMENT");
    assertThat(f.path("number").asString()).matches("QB-" + LocalDate.now().getYear() + "-\\d{5}");
    assertThat(f.path("filledOn").asString()).isNotEmpty();
    assertThat(submitted.header("ETag")).isEqualTo("\"" + f.path("version").asLong() + "\"");

    // The cyberspace office sees it, in the registry too.
    var seen = as("cyberoffice").get("/api/filings/" + id);
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.json().path("groupName").asString())
        .isEqualTo(body.path("groupName").asString());
    var list = as("cyberoffice").get("/api/filings?q=" + enc(body.path("groupName").asString()));
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().path("totalElements").asLong()).isEqualTo(1);
    assertThat(list.json().path("content").get(0).path("number").asString())
        .isEqualTo(f.path("number").asString());

    // Submitted: no longer the applicant's to change.
    var edit = applicant().put("/api/filings/" + id, body.toString(), null);
    assertThat(edit.status()).isEqualTo(409);
    assertThat(edit.json().path("detail").asString()).contains("审批中");
  }

  @Test
  void anotherDepartmentCannotSeeOrTouchAFiling() {
    long id = create(applicant(), Samples.example());
    Api other = as("applicant2");
    assertThat(other.get("/api/filings/" + id).status()).isEqualTo(404);
    assertThat(other.put("/api/filings/" + id, Samples.example().toString(), null).status())
        .isEqualTo(404);
    assertThat(other.post("/api/filings/" + id + "/submit", "").status()).isEqualTo(404);
    assertThat(
            other
                .putBytes("/api/filings/" + id + "/qr-code", "image/png", Samples.qrPng("x"))
                .status())
        .isEqualTo(404);
    assertThat(other.get("/api/filings?size=100").json().path("content").toString())
        .doesNotContain("\"id\":" + id + ",");
    // A draft is the department's own business: not even the cyberspace office sees it yet.
    assertThat(as("cyberoffice").get("/api/filings/" + id).status()).isEqualTo(404);
    // The department's head sees it; its leader in charge only once it is submitted.
    assertThat(as("depthead").get("/api/filings/" + id).status()).isEqualTo(200);
    assertThat(as("leader").get("/api/filings/" + id).status()).isEqualTo(404);
    assertThat(applicant().post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);
    assertThat(as("leader").get("/api/filings/" + id).status()).isEqualTo(200);
  }

  @Test
  void aDraftMayBeIncompleteButSubmissionNamesEveryMissingField() {
    var r = applicant().post("/api/filings", "{\"groupName\":\"未完成的草稿\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    long id = r.json().path("id").asLong();
    var s = applicant().post("/api/filings/" + id + "/submit", "");
    assertThat(s.status()).isEqualTo(400);
    assertThat(s.header("Content-Type")).startsWith("application/problem+json");
    assertThat(s.errorFields())
        .contains(
            "groupType",
            "createdOn",
            "memberCount",
            "composition",
            "purposes",
            "lifetime",
            "team",
            "rules.publishingScope",
            "rules.admission",
            "rules.exit",
            "rules.incidentResponse",
            "rules.retention.retain",
            "commitmentAccepted");
    assertThat(s.error("team")).isEqualTo("必须填写群主/主要负责人");
    assertThat(applicant().get("/api/filings/" + id).json().path("status").asString())
        .isEqualTo("DRAFT");
  }

  @Test
  void badFormatsAreRefusedAlreadyOnADraftAndNothingIsStored() {
    ObjectNode body = Samples.example();
    ((ObjectNode) body.path("team").get(0)).put("mobile", "1380101000");
    ((ObjectNode) body.path("team").get(1)).put("officePhone", "62780002");
    body.put("groupName", "群".repeat(101));
    body.put("createdOn", LocalDate.now().plusDays(1).toString());
    long before = as("applicant").get("/api/filings?size=1").json().path("totalElements").asLong();
    var r = applicant().post("/api/filings", body.toString());
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error("team[0].mobile")).contains("手机号码格式不正确");
    assertThat(r.error("team[1].officePhone")).contains("办公电话格式不正确");
    assertThat(r.error("groupName")).contains("群名称不能超过100个字");
    assertThat(r.error("createdOn")).isEqualTo("创建时间不能晚于今天");
    assertThat(as("applicant").get("/api/filings?size=1").json().path("totalElements").asLong())
        .isEqualTo(before);
  }

  @Test
  void theServerOwnsIdNumberStatusAndTheDepartment() {
    ObjectNode body = Samples.example();
    body.put("id", 999999).put("number", "QB-1999-99999").put("status", "FILED").put("version", 42);
    var r = applicant().post("/api/filings", body.toString());
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().path("id").asLong()).isNotEqualTo(999999);
    assertThat(r.json().path("number").isNull()).isTrue();
    assertThat(r.json().path("status").asString()).isEqualTo("DRAFT");
    assertThat(r.json().path("version").asLong()).isZero();

    body.put("departmentCode", "MATH");
    var foreign = applicant().post("/api/filings", body.toString());
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.error("departmentCode")).isEqualTo("只能为本部门或跨部门协作组备案");

    body.put("departmentCode", "SMART");
    var group = applicant().post("/api/filings", body.toString());
    assertThat(group.status()).isEqualTo(201);
    assertThat(group.json().path("departmentName").asString()).isEqualTo("智慧校园建设跨部门工作组");

    body.remove("departmentCode");
    var own = applicant().post("/api/filings", body.toString());
    assertThat(own.json().path("departmentCode").asString()).isEqualTo("CS");
  }

  @Test
  void brokenBodiesGetAChineseProblemNamingTheField() {
    var malformed = applicant().post("/api/filings", "{\"groupName\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().path("detail").asString()).isEqualTo("请求体不是有效的JSON");

    var enumValue = applicant().post("/api/filings", "{\"groupType\":\"LINE\"}");
    assertThat(enumValue.status()).isEqualTo(400);
    assertThat(enumValue.error("groupType")).contains("群类型的取值“LINE”无效");

    var wrongType = applicant().post("/api/filings", "{\"memberCount\":\"很多\"}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.error("memberCount")).isEqualTo("当前群成员人数必须是整数");
    var notAnObject = applicant().post("/api/filings", "[1, 2]");
    assertThat(notAnObject.status()).isEqualTo(400);
    assertThat(notAnObject.json().path("errors").get(0).path("message").asString())
        .isEqualTo("请求体须为一个JSON对象");

    var nested = applicant().post("/api/filings", "{\"team\":[{\"role\":\"BOSS\"}]}");
    assertThat(nested.status()).isEqualTo(400);
    assertThat(nested.errorFields()).containsExactly("team[0].role");

    var many =
        applicant()
            .post(
                "/api/filings",
                """
        {"memberCount": "很多", "createdOn": "2026/09/01", "groupType": "LINE", "classified": "maybe",
         "composition": ["INTERNAL", "ALIENS"], "team": [{"role": "OWNER", "name": ["王"]}],
         "rules": {"retention": {"retain": "yes"}}, "departmentCode": "NOPE"}""");
    assertThat(many.status()).isEqualTo(400);
    assertThat(many.errorFields())
        .containsExactlyInAnyOrder(
            "memberCount",
            "createdOn",
            "groupType",
            "classified",
            "composition[1]",
            "team[0].name",
            "rules.retention.retain");
    assertThat(many.error("memberCount")).isEqualTo("当前群成员人数必须是整数");
    assertThat(many.error("classified")).isEqualTo("涉密工作必须是true或false");

    var date = applicant().post("/api/filings", "{\"createdOn\":\"2026/09/01\"}");
    assertThat(date.error("createdOn")).contains("不是有效日期");

    for (var r : List.of(malformed, enumValue, wrongType, nested, many, date)) {
      assertThat(r.text()).doesNotContain("Exception", "tools.jackson", "org.qunbei", "at ");
    }

    var media =
        applicant()
            .send(
                applicant()
                    .request("/api/filings")
                    .header("Content-Type", "text/plain")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hi")));
    assertThat(media.status()).isEqualTo(415);
    assertThat(media.json().path("detail").asString()).contains("application/json");
  }

  @Test
  void oversizeBodiesAndStringsAreRefused() {
    String huge = "{\"groupName\":\"" + "x".repeat(300 * 1024) + "\"}";
    var r = applicant().post("/api/filings", huge);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.json().path("detail").asString()).contains("请求内容过大");

    ObjectNode body = Samples.example();
    ((ObjectNode) body.path("rules")).put("publishingScope", "长".repeat(2001));
    var longText = applicant().post("/api/filings", body.toString());
    assertThat(longText.status()).isEqualTo(400);
    assertThat(longText.error("rules.publishingScope")).isEqualTo("信息发布范围不能超过2000个字（当前2001个字）");
  }

  @Test
  void textIsStoredAsTypedEvenWhenItLooksLikeSqlOrHtml() {
    ObjectNode body = Samples.example();
    String html = "<script>alert('x')</script>'; drop table filing; --";
    ((ObjectNode) body.path("rules")).put("exit", html);
    long id = create(applicant(), body);
    assertThat(applicant().get("/api/filings/" + id).json().path("rules").path("exit").asString())
        .isEqualTo(html);
  }

  @Test
  void unauthenticatedCallsGet401NeverARedirect() {
    var r = Api.anonymous(port).get("/api/filings");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.header("Location")).isNull();
    var wrong =
        Api.anonymous(port)
            .send(
                Api.anonymous(port)
                    .request("/api/filings")
                    .header(
                        "Authorization",
                        "Basic "
                            + java.util.Base64.getEncoder()
                                .encodeToString("applicant:wrong".getBytes()))
                    .GET());
    assertThat(wrong.status()).isEqualTo(401);
  }

  @Test
  void aSecondActiveFilingOfTheSameGroupNumberIsRefusedAndSameNameWarns() {
    ObjectNode body = Samples.example();
    body.put("groupType", "QQ")
        .put("groupNumber", String.valueOf(100000 + System.nanoTime() % 899999));
    long first = create(applicant(), body);
    assertThat(applicant().post("/api/filings/" + first + "/submit", "").status()).isEqualTo(200);

    long second = create(applicant(), body);
    var warned = applicant().get("/api/filings/" + second);
    assertThat(warned.json().path("warnings").get(0).path("message").asString()).contains("同名工作群");
    var refused = applicant().post("/api/filings/" + second + "/submit", "");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.error("groupNumber")).contains("该群号已有有效备案");

    // Another department may not file the same platform and number either.
    ObjectNode math = body.deepCopy();
    math.remove("departmentCode");
    math.put("groupName", "数学学院同号群");
    long third = create(as("applicant2"), math);
    assertThat(as("applicant2").post("/api/filings/" + third + "/submit", "").status())
        .isEqualTo(400);
  }

  @Test
  void theQrImageIsDecodedAndCheckedByItsContent() {
    long id = create(applicant(), Samples.example());
    var ok =
        applicant()
            .putBytes(
                "/api/filings/" + id + "/qr-code",
                "image/png",
                Samples.qrPng("https://weixin.qq.com/g/demo-group"));
    assertThat(ok.status()).as(ok.text()).isEqualTo(200);
    assertThat(ok.json().path("content").asString())
        .isEqualTo("https://weixin.qq.com/g/demo-group");
    var jpeg =
        applicant()
            .putBytes(
                "/api/filings/" + id + "/qr-code", "image/jpeg", Samples.qr("jpeg-group", "jpg"));
    assertThat(jpeg.json().path("content").asString()).isEqualTo("jpeg-group");
    assertThat(
            applicant().get("/api/filings/" + id).json().path("qrCode").path("content").asString())
        .isEqualTo("jpeg-group");
    var image = applicant().get("/api/filings/" + id + "/qr-code");
    // Kept as the PNG re-encoded from the upload's pixels, whatever came in.
    assertThat(image.header("Content-Type")).isEqualTo("image/png");

    var renamed =
        applicant()
            .putBytes(
                "/api/filings/" + id + "/qr-code",
                "image/png",
                "这不是图片，只是改了扩展名".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(renamed.status()).isEqualTo(400);
    assertThat(renamed.error("qrCode")).isEqualTo("群二维码：上传的文件不是有效的PNG或JPEG图片");

    var blank =
        applicant()
            .putBytes(
                "/api/filings/" + id + "/qr-code",
                "image/png",
                Samples.qrPng("x").length > 0 ? blankPng() : new byte[0]);
    assertThat(blank.error("qrCode")).contains("未识别到二维码");

    var big =
        applicant()
            .putBytes("/api/filings/" + id + "/qr-code", "image/png", new byte[50 * 1024 * 1024]);
    assertThat(big.status()).isEqualTo(413);
    assertThat(big.error("qrCode")).startsWith("群二维码：上传的文件过大");

    var gif = applicant().putBytes("/api/filings/" + id + "/qr-code", "image/gif", new byte[10]);
    assertThat(gif.status()).isEqualTo(415);
    // The stored QR is untouched by the refused uploads.
    assertThat(
            applicant().get("/api/filings/" + id).json().path("qrCode").path("content").asString())
        .isEqualTo("jpeg-group");
  }

  @Test
  void aStaleIfMatchGets412AndACurrentOneSaves() {
    long id = create(applicant(), Samples.example());
    ObjectNode body = Samples.example();
    var ok = applicant().put("/api/filings/" + id, body.toString(), "\"0\"");
    assertThat(ok.status()).as(ok.text()).isEqualTo(200);
    assertThat(ok.header("ETag")).isEqualTo("\"1\"");
    var stale = applicant().put("/api/filings/" + id, body.toString(), "\"0\"");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().path("detail").asString()).contains("已被修改");
  }

  /**
   * A department's reader's list in its default order, by update, by department or by name is found
   * part by part (their department, the working group they filed for): every line once, in the
   * list's order, the same lines as the list sorted by creation (not found by parts) holds.
   */
  @Test
  void aDepartmentsListFoundPartByPartHoldsEveryLineOnceInOrder() {
    Api applicant = applicant();
    List<Long> mine = new ArrayList<>();
    for (String[] f :
        List.of(
            new String[] {"CS", "分部排序群b1"},
            new String[] {"SMART", "分部排序群a1"},
            new String[] {"CS", "分部排序群a2"},
            new String[] {"SMART", "分部排序群b2"},
            new String[] {"CS", "分部排序群c3"})) {
      ObjectNode body = ofItsOwnGroup();
      body.put("departmentCode", f[0]).put("groupName", f[1]);
      mine.add(create(applicant, body));
    }
    ObjectNode unnamed = ofItsOwnGroup();
    unnamed.remove("groupName");
    mine.add(create(applicant, unnamed));
    // The reference: an order that is not found part by part.
    List<JsonNode> all = listed(applicant, "&sort=createdAt");
    for (String sort :
        List.of(
            "groupName",
            "groupName,desc",
            "department",
            "department,desc",
            "updatedAt",
            "updatedAt,desc",
            "")) {
      List<JsonNode> sorted = listed(applicant, "&sort=" + sort);
      assertThat(sorted.stream().map(l -> l.path("id").asLong()))
          .as(sort + ": every line once")
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(
              all.stream().map(l -> l.path("id").asLong()).toList());
      boolean desc = sort.endsWith("desc") || sort.isEmpty(); // the default: newest change first
      if (sort.startsWith("updatedAt") || sort.isEmpty()) {
        for (int i = 1; i < sorted.size(); i++) {
          var a = sorted.get(desc ? i : i - 1);
          var b = sorted.get(desc ? i - 1 : i);
          int byTime =
              java.time.Instant.parse(a.path("updatedAt").asString())
                  .compareTo(java.time.Instant.parse(b.path("updatedAt").asString()));
          assertThat(byTime < 0 || byTime == 0 && a.path("id").asLong() < b.path("id").asLong())
              .as("'" + sort + "': " + a + " before " + b)
              .isTrue();
        }
      } else if (sort.startsWith("department")) {
        for (int i = 1; i < sorted.size(); i++) {
          var a = sorted.get(desc ? i : i - 1);
          var b = sorted.get(desc ? i - 1 : i);
          int byCode =
              a.path("departmentCode").asString().compareTo(b.path("departmentCode").asString());
          assertThat(byCode < 0 || byCode == 0 && a.path("id").asLong() < b.path("id").asLong())
              .as(sort + ": " + a + " before " + b)
              .isTrue();
        }
      } else {
        List<String> names =
            sorted.stream()
                .filter(l -> mine.subList(0, 5).contains(l.path("id").asLong()))
                .map(l -> l.path("groupName").asString())
                .toList();
        var expected =
            new ArrayList<>(List.of("分部排序群a1", "分部排序群a2", "分部排序群b1", "分部排序群b2", "分部排序群c3"));
        if (desc) {
          java.util.Collections.reverse(expected);
        }
        assertThat(names).isEqualTo(expected);
        // By cursor the same lines, the unnamed draft's among them: an empty name sorts first.
        List<Long> byCursor = new ArrayList<>();
        String after = "";
        do {
          JsonNode page = applicant.get("/api/filings?size=20&sort=" + sort + after).json();
          page.path("content").forEach(l -> byCursor.add(l.path("id").asLong()));
          after = page.path("next").isString() ? "&after=" + page.path("next").asString() : "";
        } while (!after.isEmpty());
        assertThat(byCursor).isEqualTo(sorted.stream().map(l -> l.path("id").asLong()).toList());
        assertThat(byCursor).contains(mine.get(5));
        List<Boolean> named =
            sorted.stream().map(l -> !l.path("groupName").asString("").isEmpty()).toList();
        assertThat(
                desc
                    ? named.lastIndexOf(true) < named.indexOf(false)
                    : named.lastIndexOf(false) < named.indexOf(true))
            .as("unnamed drafts first by name, last by name descending: " + named)
            .isTrue();
      }
    }
  }

  /** Every line of the applicant's list, page by page (twenty a page) in the given order. */
  private static List<JsonNode> listed(Api api, String sort) {
    List<JsonNode> lines = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode content = api.get("/api/filings?size=20&page=" + page + sort).json().path("content");
      content.forEach(lines::add);
      if (content.size() < 20) {
        return lines;
      }
    }
  }

  @Test
  void theListTakesOnlyItsOwnParameters() {
    assertThat(as("cyberoffice").get("/api/filings?sort=password").status()).isEqualTo(400);
    assertThat(as("cyberoffice").get("/api/filings?sort=groupName;drop").error("sort"))
        .contains("不受支持");
    assertThat(as("cyberoffice").get("/api/filings?sort=groupName,sideways").status())
        .isEqualTo(400);
    assertThat(as("cyberoffice").get("/api/filings?evil=1").error("evil")).contains("不支持的查询参数");
    assertThat(as("cyberoffice").get("/api/filings?size=1000").error("size")).contains("1到100");
    assertThat(as("cyberoffice").get("/api/filings?status=BOGUS").error("status"))
        .contains("BOGUS");
    assertThat(as("cyberoffice").get("/api/filings?type=LINE").status()).isEqualTo(400);
    assertThat(as("cyberoffice").get("/api/filings?page=-1").status()).isEqualTo(400);
    var ok =
        as("cyberoffice")
            .get(
                "/api/filings?sort=submittedAt,desc&status=IN_REVIEW&type=WECHAT&department=CS&size=5");
    assertThat(ok.status()).as(ok.text()).isEqualTo(200);
    ok.json()
        .path("content")
        .forEach(
            e -> {
              assertThat(e.path("status").asString()).isEqualTo("IN_REVIEW");
              assertThat(e.path("groupType").asString()).isEqualTo("WECHAT");
              assertThat(e.path("departmentCode").asString()).isEqualTo("CS");
            });
    // Wildcards typed by a user are matched literally.
    assertThat(as("cyberoffice").get("/api/filings?q=%25").json().path("totalElements").asLong())
        .isZero();
  }

  /**
   * A search finds a fragment of the group's name (two Chinese characters, one, any case), of the
   * filing number or of the group number, and only a real fragment: on PostgreSQL through its
   * search index (V33), elsewhere by a scan, with the same answers.
   */
  @Test
  void searchFindsAFragmentOfTheNameOrEitherNumberAndNothingElse() throws Exception {
    String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    var body = Samples.example();
    String groupNumber = "97" + (System.nanoTime() % 10_000_000L);
    body.put("groupName", "检索" + tag + "甲乙庚乙丙群")
        .put("groupType", "QQ")
        .put("groupNumber", groupNumber);
    long id = create(applicant(), body);
    var submitted = applicant().post("/api/filings/" + id + "/submit", "");
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
    String number = submitted.json().path("number").asString();
    for (String hit :
        List.of(
            "乙庚",
            "庚",
            tag.toLowerCase(),
            "检索" + tag,
            number,
            number.substring(number.length() - 4).toLowerCase(),
            groupNumber.substring(2, 6))) {
      assertThat(ids(as("cyberoffice").get("/api/filings?size=100&q=" + enc(hit))))
          .as("found by %s", hit)
          .contains(id);
    }
    // Every pair of characters of 甲乙丙 is in the name, but 甲乙丙 is not.
    for (String miss : List.of("甲乙丙", "乙丙甲", tag + "乙")) {
      assertThat(ids(as("cyberoffice").get("/api/filings?size=100&q=" + enc(miss))))
          .as("not found by %s", miss)
          .doesNotContain(id);
    }
  }

  private static List<Long> ids(Api.Reply list) {
    assertThat(list.status()).as(list.text()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    list.json().path("content").forEach(e -> ids.add(e.path("id").asLong()));
    return ids;
  }

  @Test
  void concurrentSubmissionsNeverShareANumber() throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ids.add(create(applicant(), Samples.example()));
    }
    var pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<String>> calls =
          ids.stream()
              .<Callable<String>>map(
                  id ->
                      () ->
                          applicant()
                              .post("/api/filings/" + id + "/submit", "")
                              .json()
                              .path("number")
                              .asString())
              .toList();
      List<String> numbers = new ArrayList<>();
      for (var f : pool.invokeAll(calls)) {
        numbers.add(f.get());
      }
      assertThat(numbers)
          .doesNotContainNull()
          .doesNotHaveDuplicates()
          .allMatch(n -> n.startsWith("QB-"));
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void theSameGroupNumberSubmittedTwiceAtOnceIsFiledOnce() throws Exception {
    String number = String.valueOf(200000 + System.nanoTime() % 799999);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ObjectNode body = Samples.example();
      body.put("groupType", "QQ").put("groupNumber", number);
      ids.add(create(applicant(), body));
    }
    var pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> calls =
          ids.stream()
              .<Callable<Integer>>map(
                  id -> () -> applicant().post("/api/filings/" + id + "/submit", "").status())
              .toList();
      List<Integer> statuses = new ArrayList<>();
      for (var f : pool.invokeAll(calls)) {
        statuses.add(f.get());
      }
      assertThat(statuses).containsOnlyOnce(200).allMatch(s -> s == 200 || s == 400 || s == 409);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aWithdrawnOrRejectedFilingGivesItsGroupNumberBack() {
    String number = String.valueOf(200000 + System.nanoTime() % 799999);
    ObjectNode body = Samples.example();
    body.put("groupType", "DINGTALK").put("groupNumber", number);
    long first = create(applicant(), body);
    assertThat(applicant().post("/api/filings/" + first + "/submit", "").status()).isEqualTo(200);
    long second = create(applicant(), body);
    assertThat(applicant().post("/api/filings/" + second + "/submit", "").status()).isEqualTo(400);

    assertThat(applicant().post("/api/filings/" + first + "/withdraw", "").status()).isEqualTo(200);
    assertThat(applicant().post("/api/filings/" + second + "/submit", "").status()).isEqualTo(200);
    var reject =
        as("depthead")
            .post(
                "/api/filings/" + second + "/decisions",
                "{\"decision\":\"REJECT\",\"opinion\":\"重复建群\"}");
    assertThat(reject.status()).isEqualTo(200);
    assertThat(applicant().post("/api/filings/" + first + "/submit", "").status()).isEqualTo(200);
  }

  @Test
  void aSubmittedFilingIsNeitherCopiedNorGivenAnotherQrCodeAndEachUploadIsAudited() {
    long id = create(applicant(), ofItsOwnGroup());
    var png = Samples.qrPng("draft-" + id);
    assertThat(applicant().putBytes("/api/filings/" + id + "/qr-code", "image/png", png).status())
        .isEqualTo(200);
    assertThat(applicant().putBytes("/api/filings/" + id + "/qr-code", "image/png", png).status())
        .isEqualTo(200);
    assertThat(applicant().post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);

    var copy = applicant().post("/api/filings/" + id + "/copy", "");
    assertThat(copy.status()).isEqualTo(409);
    assertThat(copy.json().path("detail").asString()).contains("变更备案");
    var qr = applicant().putBytes("/api/filings/" + id + "/qr-code", "image/png", png);
    assertThat(qr.status()).isEqualTo(409);
    assertThat(qr.json().path("detail").asString()).contains("二维码", "变更备案");
    assertThat(
            jdbc.queryForList(
                "select detail from audit_event where filing_id = ? and action = 'QR_CODE_ATTACHED'"
                    + " order by id",
                String.class,
                id))
        .containsExactly("上传群二维码", "更换群二维码");
  }

  @Test
  void aNumberAlreadyOnAFilingIsPassedOverByTheOnlineSequence() {
    int year = java.time.Year.now().getValue();
    long first = create(applicant(), ofItsOwnGroup());
    applicant().post("/api/filings/" + first + "/submit", "");
    long last =
        jdbc.queryForObject(
            "select last_value from filing_number_counter where counter_year = ?",
            Long.class,
            year);
    // A paper-era filing imported before such numbers were refused holds the next two numbers.
    long legacy = create(applicant(), ofItsOwnGroup());
    jdbc.update(
        "update filing set number = ? where id = ?",
        "QB-%d-%05d".formatted(year, last + 1),
        legacy);
    long other = create(applicant(), ofItsOwnGroup());
    jdbc.update(
        "update filing set number = ? where id = ?", "QB-%d-%05d".formatted(year, last + 2), other);
    long next = create(applicant(), ofItsOwnGroup());
    var submitted = applicant().post("/api/filings/" + next + "/submit", "");
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
    assertThat(submitted.json().path("number").asString())
        .isEqualTo("QB-%d-%05d".formatted(year, last + 3));
  }

  /** The example under a group number no other test uses: it can be submitted. */
  static ObjectNode ofItsOwnGroup() {
    ObjectNode body = Samples.example();
    body.put("groupType", "DINGTALK")
        .put("groupNumber", String.valueOf(100000 + System.nanoTime() % 899999));
    return body;
  }

  private static byte[] blankPng() {
    try {
      var img =
          new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
      var out = new java.io.ByteArrayOutputStream();
      javax.imageio.ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theRegistryExportsToExcelWithTheListsFiltersAndScopeAndMasksPhones() throws Exception {
    ObjectNode body = Samples.example();
    String name = "=HYPERLINK(\"http://x.example\",\"导出\")" + Long.toString(System.nanoTime(), 36);
    body.put("groupName", name);
    long id = create(applicant(), body);
    assertThat(applicant().post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);
    String q = "/api/filings/export?q=" + enc(name);

    var r = as("cyberoffice").get(q);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.header("Content-Type"))
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(r.header("Content-Disposition")).contains("filename*=UTF-8''" + enc("备案台账"));
    try (var wb = workbook(r.bytes())) {
      var sheet = wb.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("备案台账");
      assertThat(sheet.getLastRowNum()).as("one filing matches").isEqualTo(1);
      var cell = cell(sheet, "群名称");
      assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
      assertThat(cell.getStringCellValue()).isEqualTo(name);
      assertThat(cell.getCellStyle().getQuotePrefixed()).as("shown as text, never run").isTrue();
      assertThat(cell(sheet, "状态").getStringCellValue()).isEqualTo("审批中");
      assertThat(cell(sheet, "当前审批环节").getStringCellValue()).isEqualTo("所属部门意见");
      assertThat(cell(sheet, "所属部门").getStringCellValue()).isEqualTo("计算机学院");
      assertThat(cell(sheet, "当前群成员人数").getNumericCellValue()).isEqualTo(86);
      assertThat(cell(sheet, "解散日期").getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.parse(body.path("dissolveBy").asString()));
      assertThat(cell(sheet, "群主/主要负责人的姓名").getStringCellValue()).isEqualTo("王建国");
      assertThat(cell(sheet, "群主/主要负责人的手机号码").getStringCellValue()).isEqualTo("13801010001");
      assertThat(cell(sheet, "群管理员（1）的姓名").getStringCellValue()).isEqualTo("李晓梅");
      assertThat(cell(sheet, "群管理员（2）的姓名").getStringCellValue()).isEqualTo("赵强");
    }

    // The system administrator runs the system and sees no filing of it (三权分立).
    try (var wb = workbook(as("admin").get(q).bytes())) {
      assertThat(wb.getSheetAt(0).getLastRowNum()).isZero();
    }
    // Another department's applicant gets the headers and nothing of CS's.
    try (var wb = workbook(as("applicant2").get(q).bytes())) {
      assertThat(wb.getSheetAt(0).getLastRowNum()).isZero();
    }
    var bad = as("cyberoffice").get("/api/filings/export?colour=red&status=LOST");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorFields()).contains("colour", "status");
    assertThat(org.qunbei.support.Api.anonymous(port).get("/api/filings/export").status())
        .isEqualTo(401);
  }

  @Test
  void theExportHoldsEveryFieldOfTheFormAndEachStepsDecision() throws Exception {
    ObjectNode body = Samples.example();
    long id = create(applicant(), body);
    assertThat(applicant().post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);
    String[][] chain = {
      {"depthead", "同意，请保密办审核"},
      {"secrecy", "不涉密，同意"},
      {"cyberoffice", "同意备案"},
      {"leader", "同意"}
    };
    for (String[] step : chain) {
      var d =
          as(step[0])
              .post(
                  "/api/filings/" + id + "/decisions",
                  "{\"decision\":\"APPROVE\",\"opinion\":\"" + step[1] + "\"}");
      assertThat(d.status()).as(d.text()).isEqualTo(200);
    }
    var r =
        as("cyberoffice").get("/api/filings/export?q=" + enc(body.path("groupName").asString()));
    try (var wb = workbook(r.bytes())) {
      var sheet = wb.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(1);
      var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
      List<String> cells = new ArrayList<>();
      sheet.getRow(1).forEach(c -> cells.add(formatter.formatCellValue(c)));
      String row = String.join("|", cells);
      // Every value the applicant typed, as text; choices by their printed labels.
      List<String> typed = new ArrayList<>();
      collectText(body, typed);
      for (String value : typed) {
        if (value.matches("[A-Z_]+")) {
          continue; // an enum code: its label is checked below
        }
        assertThat(row).as("the export holds " + value).contains(value);
      }
      assertThat(row)
          .contains("微信群", "本院指导教师42人", "本单位内部人员、包含外部合作单位人员", "专项工作推进、跨部门协作")
          .contains("短期（到期前解散）", "计算机学院");
      assertThat(cell(sheet, "群主/主要负责人的职责分工").getStringCellValue()).isEqualTo("全面负责群的运营与信息审核");
      assertThat(cell(sheet, "其他相关负责人的姓名").getStringCellValue()).isEqualTo("陈静");
      assertThat(cell(sheet, "信息留存与归档").getStringCellValue()).isEqualTo("是");
      assertThat(cell(sheet, "备案承诺").getStringCellValue()).isEqualTo("是");
      assertThat(cell(sheet, "状态").getStringCellValue()).isEqualTo("已备案");
      assertThat(cell(sheet, "所属部门意见·意见").getStringCellValue()).isEqualTo("同意，请保密办审核");
      assertThat(cell(sheet, "分管领导意见·结论").getStringCellValue()).isEqualTo("同意");
      assertThat(cell(sheet, "学校网信主管部门意见·审批人").getStringCellValue()).isNotBlank();
      assertThat(cell(sheet, "分管领导意见·日期").getLocalDateTimeCellValue()).isNotNull();
    }
  }

  /** The text of every leaf value of a JSON body (numbers and booleans as text too). */
  private static void collectText(tools.jackson.databind.JsonNode node, List<String> out) {
    if (node.isObject() || node.isArray()) {
      node.forEach(n -> collectText(n, out));
    } else if (node.isString()) {
      out.add(node.asString());
    } else if (node.isNumber()) {
      out.add(node.asString());
    }
  }

  static org.apache.poi.xssf.usermodel.XSSFWorkbook workbook(byte[] bytes)
      throws java.io.IOException {
    return new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(bytes));
  }

  /** The first data row's cell under a header. */
  static org.apache.poi.ss.usermodel.Cell cell(
      org.apache.poi.ss.usermodel.Sheet sheet, String header) {
    for (var h : sheet.getRow(0)) {
      if (h.getStringCellValue().equals(header)) {
        return sheet.getRow(1).getCell(h.getColumnIndex());
      }
    }
    throw new AssertionError("no column " + header);
  }

  @Test
  void personalAccessTokensActForTheirUserUntilRevokedOrExpired() throws Exception {
    var created = applicant().post("/api/me/tokens", "{\"name\":\"同步脚本\",\"days\":30}");
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String token = created.json().path("token").asString();
    long tokenId = created.json().path("info").path("id").asLong();
    assertThat(token).matches("qb_[A-Za-z0-9_-]{43}");
    var script = org.qunbei.support.Api.bearer(port, token);

    // The token acts as its user: the same scope and rights.
    long id = create(script, Samples.example());
    assertThat(applicant().get("/api/filings/" + id).json().path("createdBy").asString())
        .isEqualTo("applicant");
    assertThat(org.qunbei.support.Api.bearer(port, token).get("/api/filings/" + id).status())
        .isEqualTo(200);
    // Its secret is never shown again, and only its SHA-256 is stored.
    var listed = applicant().get("/api/me/tokens").json();
    JsonNode info = null;
    for (JsonNode t : listed) {
      if (t.path("id").asLong() == tokenId) {
        info = t;
      }
    }
    assertThat(info).isNotNull();
    assertThat(info.toString()).doesNotContain(token);
    assertThat(info.path("prefix").asString()).isEqualTo(token.substring(0, 8));
    assertThat(info.path("lastUsedAt").isNull()).isFalse();
    String stored =
        jdbc.queryForObject(
            "select token_hash from access_token where id = ?", String.class, tokenId);
    assertThat(stored)
        .isEqualTo(
            java.util.HexFormat.of()
                .formatHex(
                    java.security.MessageDigest.getInstance("SHA-256")
                        .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    // A token cannot mint tokens; nobody else can revoke it.
    assertThat(script.post("/api/me/tokens", "{\"name\":\"x\"}").status()).isEqualTo(403);
    assertThat(as("applicant2").delete("/api/me/tokens/" + tokenId).status()).isEqualTo(404);

    var bad = applicant().post("/api/me/tokens", "{\"name\":\" \",\"days\":999}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.error("name")).isEqualTo("请填写令牌名称（用途）");
    assertThat(bad.error("days")).contains("1 到 365");

    assertThat(applicant().delete("/api/me/tokens/" + tokenId).status()).isEqualTo(204);
    var revoked = script.get("/api/filings");
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.json().path("detail").asString()).contains("令牌");
    assertThat(org.qunbei.support.Api.bearer(port, "qb_guessed").get("/api/filings").status())
        .isEqualTo(401);

    // An expired token is refused like a revoked one.
    var second = applicant().post("/api/me/tokens", "{\"name\":\"短期\",\"days\":1}").json();
    jdbc.update(
        "update access_token set expires_at = ? where id = ?",
        instants.bind(java.time.Instant.now().minusSeconds(1)),
        second.path("info").path("id").asLong());
    assertThat(
            org.qunbei.support.Api.bearer(port, second.path("token").asString())
                .get("/api/filings")
                .status())
        .isEqualTo(401);
  }

  @Test
  void onlyThoseWhoNeedThemSeeTheTeamsMobiles() {
    long id = create(applicant(), Samples.example());
    assertThat(applicant().post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);
    for (String user : List.of("applicant", "depthead", "leader", "cyberoffice")) {
      JsonNode f = as(user).get("/api/filings/" + id).json();
      assertThat(f.path("team").get(0).path("mobile").asString()).as(user).isEqualTo("13801010001");
    }
    // The administrators run the system; the filings and their people are not their business.
    for (String admin : List.of("admin", "secadmin", "auditor")) {
      var seen = as(admin).get("/api/filings/" + id);
      assertThat(seen.status()).as(admin).isEqualTo(404);
      assertThat(seen.text()).doesNotContain("13801010001", "13901010003");
    }
    // Another department's applicant neither.
    assertThat(as("applicant2").get("/api/filings/" + id).status()).isEqualTo(404);
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
