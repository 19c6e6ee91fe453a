package org.qunbei.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.PageSession;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A list longer than the count's limit (1,000; three here) says "more than" instead of counting
 * every line — in the API ({@code totalExact} false) and on the page — and a list within it is
 * counted exactly; the lines themselves are the same either way. On PostgreSQL a term in more
 * filings than the count is listed by walking the list's order instead of from the search index:
 * the same lines, page by page and by cursor. The header's badges, too — tasks, copies, notices —
 * count up to their limit (99; three here) and say "3+" beyond.
 */
abstract class RegistryCountContract {

  @LocalServerPort int port;

  static void register(String database, DynamicPropertyRegistry registry) {
    TestDatabases.register(database, registry);
    registry.add("qunbei.registry.counted", () -> "3");
    registry.add("qunbei.badges.up-to", () -> "3");
  }

  @Test
  void aListLongerThanTheCountSaysMoreThanAndAShortOneIsCountedExactly() throws Exception {
    Api applicant = Api.as(port, "applicant");
    for (int i = 0; i < 5; i++) {
      var body = Samples.example();
      body.put("groupType", "QQ").put("groupNumber", String.valueOf(8810000 + i));
      body.put("groupName", "计数测试群" + i);
      long id = applicant.post("/api/filings", body.toString()).json().path("id").asLong();
      assertThat(applicant.post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);
    }
    Api cyber = Api.as(port, "cyberoffice");
    var first = cyber.get("/api/filings?q=" + enc("计数测试群") + "&size=2").json();
    assertThat(first.path("content")).hasSize(2);
    assertThat(first.path("totalExact").asBoolean()).isFalse();
    assertThat(first.path("totalElements").asLong()).isEqualTo(3);

    var last = cyber.get("/api/filings?q=" + enc("计数测试群") + "&size=2&page=2").json();
    assertThat(last.path("content")).as("the lines go on past the count").hasSize(1);
    assertThat(last.path("totalExact").asBoolean()).as("the last page knows the end").isTrue();
    assertThat(last.path("totalElements").asLong()).isEqualTo(5);

    // Two characters in more filings than the count: on PostgreSQL listed by walking the order.
    var shortTerm = cyber.get("/api/filings?q=" + enc("计数") + "&size=2").json();
    assertThat(shortTerm.path("totalExact").asBoolean()).isFalse();
    assertThat(shortTerm.path("content")).isEqualTo(first.path("content"));
    var shortLast = cyber.get("/api/filings?q=" + enc("计数") + "&size=2&page=2").json();
    assertThat(shortLast.path("content")).isEqualTo(last.path("content"));

    var narrow = cyber.get("/api/filings?q=" + enc("计数测试群1") + "&size=2").json();
    assertThat(narrow.path("totalExact").asBoolean()).isTrue();
    assertThat(narrow.path("totalElements").asLong()).isEqualTo(1);

    // Keyset paging: each page's next leads on from its last line, with no line twice or missed.
    for (String sort :
        java.util.List.of("", "&sort=type,asc", "&sort=status,desc", "&sort=groupName,desc")) {
      java.util.List<Long> byNumber = new java.util.ArrayList<>();
      for (int p = 0; p < 3; p++) {
        cyber
            .get("/api/filings?q=" + enc("计数测试群") + "&size=2&page=" + p + sort)
            .json()
            .path("content")
            .forEach(e -> byNumber.add(e.path("id").asLong()));
      }
      java.util.List<Long> byCursor = new java.util.ArrayList<>();
      String after = "";
      for (int p = 0; p < 3; p++) {
        var json = cyber.get("/api/filings?q=" + enc("计数测试群") + "&size=2" + sort + after).json();
        json.path("content").forEach(e -> byCursor.add(e.path("id").asLong()));
        if (!after.isEmpty()) {
          assertThat(json.path("totalExact").asBoolean()).as("not counted again").isFalse();
        }
        after = json.path("next").isString() ? "&after=" + json.path("next").asString() : "";
      }
      assertThat(byCursor).as("sort %s", sort).hasSize(5).isEqualTo(byNumber);
      assertThat(after).as("no next after the last line").isEmpty();
    }
    var bySortWithoutCursor =
        cyber.get("/api/filings?sort=memberCount&after=" + first.path("next").asString());
    assertThat(bySortWithoutCursor.status()).isEqualTo(400);
    assertThat(bySortWithoutCursor.error("after")).contains("page");
    assertThat(cyber.get("/api/filings?after=xyz").error("after")).contains("next");

    var page = new PageSession(port, "cyberoffice", "demo123");
    String html = page.get("/registry?q=" + enc("计数测试群") + "&size=2").body();
    assertThat(html).contains("共 3 条以上").contains("下一页");
    assertThat(page.get("/registry?q=" + enc("计数测试群1")).body()).doesNotContain("条以上");
  }

  /**
   * Past the count, the page's "next" goes on by cursor, keeping the filters and the order: a
   * department's reader paging on through a long list is served from the index at any depth, and
   * sees every line once, in the order the first page began. The last page has no "next".
   */
  @Test
  void pagingOnThroughALongListGoesByCursorAndSeesEveryLineOnce() {
    Api applicant = Api.as(port, "applicant");
    for (int i = 4; i >= 0; i--) {
      var body = Samples.example();
      body.put("groupType", "WECOM").put("groupName", "翻页测试群" + i);
      assertThat(applicant.post("/api/filings", body.toString()).status()).isEqualTo(201);
    }
    var page = new PageSession(port, "applicant", "demo123");
    String path = "/filings/mine?type=WECOM&sort=groupName,asc&size=2";
    java.util.List<String> seen = new java.util.ArrayList<>();
    java.util.List<String> positions = new java.util.ArrayList<>();
    var next =
        java.util.regex.Pattern.compile(
            "<li class=\"page-item\">\\s*<a class=\"page-link\" href=\"([^\"]+)\">下一页</a>");
    var position = java.util.regex.Pattern.compile("第 [^<]*页[^<]*");
    for (int walked = 0; path != null; walked++) {
      assertThat(walked).as("the walk ends").isLessThan(5);
      var response = page.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      String html = response.body();
      var names = java.util.regex.Pattern.compile("翻页测试群\\d").matcher(html);
      var onPage = new java.util.LinkedHashSet<String>();
      while (names.find()) {
        onPage.add(names.group());
      }
      seen.addAll(onPage);
      var at = position.matcher(html);
      positions.add(at.find() ? at.group() : "");
      var link = next.matcher(html);
      path = link.find() ? link.group(1).replace("&amp;", "&") : null;
      if (path != null) {
        assertThat(path).contains("after=").contains("type=WECOM").contains("sort=groupName%2Casc");
      }
    }
    assertThat(seen).containsExactly("翻页测试群0", "翻页测试群1", "翻页测试群2", "翻页测试群3", "翻页测试群4");
    assertThat(positions)
        .containsExactly("第 1 页，共 3 条以上（请用条件缩小范围）", "第 2 页（请用条件缩小范围）", "第 3 页（请用条件缩小范围）");
  }

  /**
   * A department's reader's list is counted part by part — their department, what they filed — and
   * a filing in both (their own, in their department) counts once.
   */
  @Test
  void aDepartmentsReadersLinesAreCountedOnceEachPartByPart() {
    Api applicant = Api.as(port, "applicant");
    java.util.function.Consumer<String> draft =
        department -> {
          var body = Samples.example();
          body.put("groupType", "DINGTALK").put("departmentCode", department);
          assertThat(applicant.post("/api/filings", body.toString()).status()).isEqualTo(201);
        };
    draft.accept("CS"); // their department and their own: in both parts
    draft.accept("SMART"); // another department, filed by them: in one
    var two = applicant.get("/api/filings?type=DINGTALK&size=1").json();
    assertThat(two.path("totalExact").asBoolean()).isTrue();
    assertThat(two.path("totalElements").asLong()).as("each line once").isEqualTo(2);
    assertThat(
            applicant
                .get("/api/filings?type=DINGTALK&status=DRAFT&size=1")
                .json()
                .path("totalElements")
                .asLong())
        .isEqualTo(2);
    draft.accept("CS");
    draft.accept("SMART");
    var four = applicant.get("/api/filings?type=DINGTALK&size=2").json();
    assertThat(four.path("totalExact").asBoolean()).as("more than the count (3)").isFalse();
    assertThat(four.path("totalElements").asLong()).isEqualTo(3);
    var full = applicant.get("/api/filings?type=DINGTALK&size=2&page=1").json();
    assertThat(full.path("totalExact").asBoolean()).as("a full last page knows the end").isTrue();
    assertThat(full.path("totalElements").asLong()).isEqualTo(4);
    var last = applicant.get("/api/filings?type=DINGTALK&size=3&page=1").json();
    assertThat(last.path("content")).hasSize(1);
    assertThat(last.path("totalElements").asLong()).isEqualTo(4);
  }

  @Test
  void theHeaderBadgesCountUpToTheirLimitThenSayMore() {
    Api applicant = Api.as(port, "applicant");
    Api head = Api.as(port, "depthead");
    var page = new PageSession(port, "depthead", "demo123");
    java.util.function.BiFunction<String, String, String> badge =
        (path, id) -> {
          var m =
              java.util.regex.Pattern.compile("id=\"" + id + "\">([^<]*)<")
                  .matcher(page.get(path).body());
          return m.find() ? m.group(1) : null;
        };
    java.util.function.LongSupplier waiting =
        () -> head.get("/api/tasks?size=1").json().path("totalElements").asLong();
    Runnable submitAndCopyOne =
        () -> {
          var body = Samples.example();
          body.put("departmentCode", "CS");
          long id = applicant.post("/api/filings", body.toString()).json().path("id").asLong();
          assertThat(applicant.post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);
          assertThat(
                  applicant
                      .post("/api/filings/" + id + "/copies", "{\"users\":[\"depthead\"]}")
                      .status())
              .isEqualTo(201);
        };
    // Cleared first: the other test's filings and the demo's may be waiting for the head.
    while (waiting.getAsLong() > 0) {
      long id = head.get("/api/tasks?size=1").json().path("content").path(0).path("id").asLong();
      assertThat(
              head.post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}").status())
          .isEqualTo(200);
    }
    assertThat(badge.apply("/registry", "task-count")).as("none waiting: no badge").isNull();
    for (int n = 1; n <= 3; n++) {
      submitAndCopyOne.run();
      assertThat(badge.apply("/registry", "task-count")).isEqualTo(Integer.toString(n));
    }
    submitAndCopyOne.run();
    submitAndCopyOne.run();
    assertThat(waiting.getAsLong()).as("the task list still counts them all").isEqualTo(5);
    assertThat(badge.apply("/registry", "task-count")).isEqualTo("3+");
    // The copies' and the notices' badges keep the same rule: never "3+" beside "消息 12".
    assertThat(head.get("/api/me/copies?size=1").json().path("unread").asLong())
        .isGreaterThanOrEqualTo(5);
    assertThat(badge.apply("/tasks", "tab-copies-count")).isEqualTo("3+");
    assertThat(head.get("/api/notices").json().path("unread").asLong()).isGreaterThan(3);
    assertThat(badge.apply("/registry", "unread-count")).isEqualTo("3+");
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
