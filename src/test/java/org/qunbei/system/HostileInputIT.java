package org.qunbei.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.qunbei.support.Api;
import org.qunbei.support.Hostile;
import org.qunbei.support.Hostile.Plan;
import org.qunbei.support.RunningApp;
import org.qunbei.support.Samples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every write endpoint of the API and the filing page forms, a thousand hostile inputs each under
 * {@code ./mvnw -Phostile verify} (issue 11; {@code jqwik.tries.default}, 100 in every {@code
 * ./mvnw verify} so the proof cannot rot): whole bodies with payloads, broken Unicode, sizes, wrong
 * JSON types, repeated keys, deep nesting and server-owned fields; hostile ids, versions and files.
 * Whatever comes in, the answer is never a 5xx nor a trace of the implementation, and what a
 * success stored reads back within the rules. One application serves all properties (started here:
 * jqwik has no Spring extension).
 */
class HostileInputIT {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static RunningApp app;

  @BeforeContainer
  static void start() {
    app = RunningApp.start();
  }

  @AfterContainer
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  // ---- the filing ----

  @Property(generation = GenerationMode.RANDOMIZED)
  void aNewFiling(@ForAll("plans") Plan plan) {
    var applicant = app.as("applicant");
    String body = Hostile.body(plan, Samples.example());
    Api.Reply r = applicant.post("/api/filings", body);
    answered(r, "POST /api/filings");
    if (ok(r)) {
      readBack(applicant, r.json().path("id").asLong());
    }
  }

  private static Long draft;

  @Property(generation = GenerationMode.RANDOMIZED)
  void aFilingsEdit(@ForAll("plans") Plan plan, @ForAll("ifMatch") String ifMatch) {
    var applicant = app.as("applicant");
    if (draft == null) {
      draft = create("applicant");
    }
    Api.Reply r =
        applicant.put("/api/filings/" + draft, Hostile.body(plan, Samples.example()), ifMatch);
    answered(r, "PUT /api/filings/{id}");
    if (ok(r)) {
      readBack(applicant, draft);
    }
  }

  private static final Pool DRAFTS = new Pool(() -> create("applicant"));

  @Property(generation = GenerationMode.RANDOMIZED)
  void aSubmission(@ForAll("ids") String id, @ForAll("ifMatch") String ifMatch) {
    var r =
        action(
            "POST",
            "/api/filings/" + id.replace("$", String.valueOf(DRAFTS.get())) + "/submit",
            ifMatch);
    answered(r, "POST /api/filings/{id}/submit");
    DRAFTS.usedIf(ok(r));
  }

  private static final Pool IN_REVIEW = new Pool(() -> inReview("applicant"));

  @Property(generation = GenerationMode.RANDOMIZED)
  void aWithdrawal(@ForAll("ids") String id, @ForAll("ifMatch") String ifMatch) {
    var r =
        action(
            "POST",
            "/api/filings/" + id.replace("$", String.valueOf(IN_REVIEW.get())) + "/withdraw",
            ifMatch);
    answered(r, "POST /api/filings/{id}/withdraw");
    IN_REVIEW.usedIf(ok(r));
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void aCopy(@ForAll("ids") String id) {
    var r =
        action(
            "POST",
            "/api/filings/" + id.replace("$", String.valueOf(DRAFTS.get())) + "/copy",
            null);
    answered(r, "POST /api/filings/{id}/copy");
    if (ok(r)) {
      readBack(app.as("applicant"), r.json().path("id").asLong());
    }
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void anUrge(@ForAll("ids") String id) {
    var r =
        action(
            "POST",
            "/api/filings/" + id.replace("$", String.valueOf(IN_REVIEW.get())) + "/urge",
            null);
    answered(r, "POST /api/filings/{id}/urge");
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void aQrCode(@ForAll("images") Tuple.Tuple2<String, byte[]> image, @ForAll("ids") String id) {
    var applicant = app.as("applicant");
    String path = "/api/filings/" + id.replace("$", String.valueOf(DRAFTS.get())) + "/qr-code";
    Api.Reply r = applicant.putBytes(path, image.get1(), image.get2());
    answered(r, "PUT /api/filings/{id}/qr-code");
  }

  private static final Pool FILED = new Pool(() -> filed("applicant"));

  @Property(generation = GenerationMode.RANDOMIZED)
  void aChangeFiling(@ForAll("plans") Plan plan) {
    var applicant = app.as("applicant");
    ObjectNode base = Api.JSON.createObjectNode();
    base.put("changedOn", LocalDate.now().minusDays(1).toString()).put("reason", "成员调整");
    Api.Reply r =
        applicant.post("/api/filings/" + FILED.get() + "/changes", Hostile.body(plan, base));
    answered(r, "POST /api/filings/{id}/changes");
    if (ok(r)) {
      readBack(applicant, r.json().path("id").asLong());
      applicant.get("/api/filings/" + FILED.get() + "/versions");
    }
    FILED.usedIf(ok(r));
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void aDissolutionReport(@ForAll("plans") Plan plan) {
    var applicant = app.as("applicant");
    ObjectNode base = Api.JSON.createObjectNode();
    base.put("dissolvedOn", LocalDate.now().minusDays(1).toString()).put("reason", "项目结束");
    Api.Reply r =
        applicant.post("/api/filings/" + FILED.get() + "/dissolution", Hostile.body(plan, base));
    answered(r, "POST /api/filings/{id}/dissolution");
    if (ok(r)) {
      readBack(applicant, FILED.get());
    }
    FILED.usedIf(ok(r));
  }

  // ---- approval ----

  @Property(generation = GenerationMode.RANDOMIZED)
  void aDecision(@ForAll("plans") Plan plan, @ForAll("ifMatch") String ifMatch) {
    ObjectNode base = Api.JSON.createObjectNode();
    base.put("decision", "APPROVE").put("opinion", "同意备案");
    long id = IN_REVIEW.get();
    var depthead = app.as("depthead");
    Api.Reply r =
        depthead.send(
            depthead
                .request("/api/filings/" + id + "/decisions")
                .header("Content-Type", "application/json")
                .header("If-Match", ifMatch == null ? "*" : ifMatch)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Hostile.body(plan, base))));
    answered(r, "POST /api/filings/{id}/decisions");
    if (ok(r)) {
      readBack(app.as("applicant"), id);
    }
    IN_REVIEW.usedIf(ok(r));
  }

  private static final Pool AT_CONFIDENTIALITY =
      new Pool(
          () -> {
            long id = inReview("applicant");
            app.as("depthead")
                .post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}");
            return id;
          });

  @Property(generation = GenerationMode.RANDOMIZED)
  void aTransfer(@ForAll("plans") Plan plan) {
    ObjectNode base = Api.JSON.createObjectNode();
    base.put("to", "secrecy2").put("reason", "出差，请代为审核");
    long id = AT_CONFIDENTIALITY.get();
    Api.Reply r =
        app.as("secrecy").post("/api/filings/" + id + "/transfers", Hostile.body(plan, base));
    answered(r, "POST /api/filings/{id}/transfers");
    if (ok(r)) {
      readBack(app.as("applicant"), id);
    }
    AT_CONFIDENTIALITY.usedIf(ok(r));
  }

  // ---- the person's own ----

  private static org.qunbei.support.PageSession tokenBrowser;

  @Property(generation = GenerationMode.RANDOMIZED)
  void anAccessToken(@ForAll("plans") Plan plan) {
    if (tokenBrowser == null) {
      tokenBrowser = app.browser("applicant2", "demo123");
    }
    ObjectNode base = Api.JSON.createObjectNode();
    base.put("name", "同步脚本").put("days", 30);
    String body = Hostile.body(plan, base);
    var r = tokenBrowser.json("POST", "/api/me/tokens", body);
    Hostile.answered(r.statusCode(), r.body(), "POST /api/me/tokens");
    if (r.statusCode() / 100 == 2) {
      Hostile.stored(Api.JSON.readTree(r.body()), "the token of " + body);
      var list = tokenBrowser.json("GET", "/api/me/tokens", "");
      Hostile.stored(Api.JSON.readTree(list.body()), "tokens " + list.body() + " after " + body);
      long id = Api.JSON.readTree(r.body()).path("info").path("id").asLong();
      // Revoked at once, so the next try is not refused for having twenty.
      assertThat(tokenBrowser.json("DELETE", "/api/me/tokens/" + id, "").statusCode())
          .isEqualTo(204);
    }
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void aTokenRevocation(@ForAll("ids") String id) {
    // "$" is a token of nobody's: the caller's own would be revoked, as it may be.
    var r = action("DELETE", "/api/me/tokens/" + id.replace("$", "987654"), null);
    answered(r, "DELETE /api/me/tokens/{id}");
    assertThat(r.status()).as("a revocation by a hostile id").isNotEqualTo(204);
  }

  private static String password = null;
  private static Api passwordUser;

  @Property(generation = GenerationMode.RANDOMIZED)
  void aPasswordChange(@ForAll("plans") Plan plan) {
    if (passwordUser == null) {
      String username = "hpass" + java.util.UUID.randomUUID().toString().substring(0, 8);
      password = account(username);
      passwordUser = tokenOf(username, password);
    }
    String next = "Qb#" + SEQ.incrementAndGet() + "kLm";
    ObjectNode base = Api.JSON.createObjectNode();
    base.put("current", password).put("new", next);
    String body = Hostile.body(plan, base);
    Api.Reply r = passwordUser.post("/api/me/password", body);
    answered(r, "POST /api/me/password");
    if (ok(r)) {
      password = Api.JSON.readTree(body).path("new").asString();
    }
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void aSignature(@ForAll("images") Tuple.Tuple2<String, byte[]> image) {
    Api.Reply r = app.as("depthead").putBytes("/api/me/signature", image.get1(), image.get2());
    answered(r, "PUT /api/me/signature");
  }

  // ---- administration ----

  @Property(generation = GenerationMode.RANDOMIZED)
  void aStamp(@ForAll("images") Tuple.Tuple2<String, byte[]> image, @ForAll("names") String owner) {
    Api.Reply r =
        app.as("secadmin")
            .putBytes("/api/stamps/" + owner.replace("$", "CS"), image.get1(), image.get2());
    answered(r, "PUT /api/stamps/{owner}");
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void aNewDepartment(@ForAll("plans") Plan plan) {
    int n = SEQ.incrementAndGet();
    ObjectNode base = Api.JSON.createObjectNode();
    base.put("code", "H" + n).put("name", "敌意测试部门" + n).put("kind", "DEPARTMENT");
    base.put("head", "depthead").putNull("leader");
    Api.Reply r = app.as("admin").post("/api/admin/departments", Hostile.body(plan, base));
    answered(r, "POST /api/admin/departments");
    if (ok(r)) {
      Hostile.stored(r.json(), "department");
    }
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void aDepartmentsEdit(@ForAll("plans") Plan plan, @ForAll("names") String code) {
    ObjectNode base = Api.JSON.createObjectNode();
    base.put("code", "PHYS").put("name", "物理学院").put("kind", "DEPARTMENT");
    base.putNull("head").putNull("leader");
    Api.Reply r =
        app.as("admin")
            .put(
                "/api/admin/departments/" + code.replace("$", "PHYS"),
                Hostile.body(plan, base),
                null);
    answered(r, "PUT /api/admin/departments/{code}");
    if (ok(r)) {
      Hostile.stored(app.as("admin").get("/api/admin/departments").json(), "departments");
    }
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void aNewAccount(@ForAll("plans") Plan plan) {
    int n = SEQ.incrementAndGet();
    ObjectNode base = Api.JSON.createObjectNode();
    base.put("username", "h" + n).put("name", "敌意" + n).put("department", "CS");
    base.put("staffNumber", "S" + n).put("email", "h" + n + "@example.edu.cn").put("enabled", true);
    Api.Reply r = app.as("admin").post("/api/admin/users", Hostile.body(plan, base));
    answered(r, "POST /api/admin/users");
    if (ok(r)) {
      Hostile.stored(r.json(), "account");
    }
  }

  private static String editTarget;

  @Property(generation = GenerationMode.RANDOMIZED)
  void anAccountsEdit(@ForAll("plans") Plan plan, @ForAll("names") String username) {
    if (editTarget == null) {
      editTarget = "hedit" + java.util.UUID.randomUUID().toString().substring(0, 8);
      account(editTarget);
    }
    ObjectNode base = Api.JSON.createObjectNode();
    base.put("username", editTarget).put("name", "被编辑的人").put("department", "CS");
    base.put("staffNumber", "E1").put("email", "hedit@example.edu.cn").put("enabled", true);
    Api.Reply r =
        app.as("admin")
            .put(
                "/api/admin/users/" + username.replace("$", editTarget),
                Hostile.body(plan, base),
                null);
    answered(r, "PUT /api/admin/users/{username}");
    if (ok(r)) {
      Hostile.stored(r.json(), "account");
    }
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void aPasswordReset(@ForAll("names") String username) {
    Api.Reply r =
        app.as("admin")
            .post("/api/admin/users/" + username.replace("$", "nobody") + "/password-reset", "");
    answered(r, "POST /api/admin/users/{username}/password-reset");
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void anEndOfSessions(@ForAll("names") String username) {
    Api.Reply r =
        app.as("admin")
            .post("/api/admin/users/" + username.replace("$", "leader") + "/sessions/end", "");
    answered(r, "POST /api/admin/users/{username}/sessions/end");
  }

  private static String roleTarget;

  @Property(generation = GenerationMode.RANDOMIZED)
  void aRoleGrant(@ForAll("plans") Plan plan, @ForAll("names") String username) {
    if (roleTarget == null) {
      roleTarget = "hrole" + java.util.UUID.randomUUID().toString().substring(0, 8);
      account(roleTarget);
    }
    ObjectNode base = Api.JSON.createObjectNode();
    base.putArray("roles").add("APPLICANT");
    base.put("reason", "岗位调整");
    Api.Reply r =
        app.as("secadmin")
            .put(
                "/api/admin/users/" + username.replace("$", roleTarget) + "/roles",
                Hostile.body(plan, base),
                null);
    answered(r, "PUT /api/admin/users/{username}/roles");
    if (ok(r)) {
      Hostile.stored(r.json(), "roles");
    }
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void aSecondFactorRule(@ForAll("plans") Plan plan) {
    ObjectNode base = Api.JSON.createObjectNode();
    base.putArray("roles").add("AUDITOR");
    var secadmin = app.as("secadmin");
    Api.Reply r = secadmin.put("/api/admin/security/second-factor", Hostile.body(plan, base), null);
    answered(r, "PUT /api/admin/security/second-factor");
    if (ok(r)) {
      Hostile.stored(secadmin.get("/api/admin/security/second-factor").json(), "second factor");
      secadmin.put("/api/admin/security/second-factor", "{\"roles\":[]}", null);
    }
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void aCalendarYear(
      @ForAll("csv") String csv, @ForAll("years") String year, @ForAll("texts") String source) {
    Api.Reply r =
        app.as("admin")
            .send(
                app.as("admin")
                    .request(
                        "/api/admin/calendar/"
                            + year
                            + "?source="
                            + java.net.URLEncoder.encode(source, StandardCharsets.UTF_8))
                    .header("Content-Type", "text/csv")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(csv)));
    answered(r, "PUT /api/admin/calendar/{year}");
    if (ok(r)) {
      Hostile.stored(app.as("admin").get("/api/calendar/years/" + year).json(), "calendar");
    }
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void aStaffFile(@ForAll("staffCsv") String csv, @ForAll("texts") String fileName) {
    var admin = app.as("admin");
    Api.Reply r =
        admin.send(
            admin
                .request(
                    "/api/admin/staff-imports?fileName="
                        + java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8))
                .header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)));
    answered(r, "POST /api/admin/staff-imports");
    if (ok(r)) {
      // A refused row is the file's text shown back; the rest is what applying would store.
      JsonNode preview =
          admin.get("/api/admin/staff-imports/" + r.json().path("id").asLong()).json();
      Hostile.stored(preview.path("fileName"), "staff import");
      for (JsonNode p : preview.path("people")) {
        if (!p.path("change").asString().equals("REFUSED")) {
          Hostile.stored(p, "staff import");
        }
      }
    }
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void aStaffFileApplied(@ForAll("ids") String id) {
    // Only ids that are no preview: applying a hostile file would mark the demo staff departed.
    Api.Reply r =
        app.as("admin")
            .post("/api/admin/staff-imports/" + id.replace("$", "999999") + "/apply", "");
    answered(r, "POST /api/admin/staff-imports/{id}/apply");
    assertThat(r.status()).isGreaterThanOrEqualTo(400);
  }

  private static byte[] template;

  @Property(generation = GenerationMode.RANDOMIZED)
  void aRegistryImport(
      @ForAll("cells") List<Tuple.Tuple2<Integer, String>> cells,
      @ForAll("texts") String fileName,
      @ForAll("garbage") byte[] garbage) {
    var office = app.as("cyberoffice");
    if (template == null) {
      template = Api.as(app.port(), "cyberoffice").get("/registry/import/template").bytes();
    }
    byte[] sheet = cells.isEmpty() ? garbage : sheet(cells);
    Api.Reply r =
        office.send(
            office
                .request(
                    "/api/registry/imports?fileName="
                        + java.net.URLEncoder.encode(wellFormed(fileName), StandardCharsets.UTF_8))
                .header(
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(sheet)));
    answered(r, "POST /api/registry/imports");
    if (r.status() == 202) {
      String job = "/api/registry/jobs/" + r.json().path("id").asLong();
      JsonNode state = office.get(job).json();
      for (int i = 0; i < 500 && !finished(state); i++) {
        sleep(10);
        state = office.get(job).json();
      }
      assertThat(finished(state)).as(state.toString()).isTrue();
      Hostile.answered(400, state.path("message").asString(""), "the import job's message");
      Hostile.stored(state, "import job");
    }
  }

  private static byte[] sheet(List<Tuple.Tuple2<Integer, String>> cells) {
    Map<String, String> example = org.qunbei.support.Sheets.exampleRow(template, Map.of());
    List<String> columns = new ArrayList<>(example.keySet());
    Map<String, String> changes = new java.util.HashMap<>();
    for (var c : cells) {
      String v = c.get2().length() > 30_000 ? c.get2().substring(0, 30_000) : c.get2();
      changes.put(columns.get(c.get1() % columns.size()), wellFormed(v));
    }
    try {
      return org.qunbei.support.Sheets.filled(
          template, List.of(org.qunbei.support.Sheets.exampleRow(template, changes)));
    } catch (RuntimeException notAFormula) {
      // "=…" that POI cannot write as a formula goes in as the text it is.
      changes.replaceAll((k, v) -> v.startsWith("=") ? " " + v : v);
      return org.qunbei.support.Sheets.filled(
          template, List.of(org.qunbei.support.Sheets.exampleRow(template, changes)));
    }
  }

  // ---- the page forms ----

  private static org.qunbei.support.PageSession pages;

  @Property(generation = GenerationMode.RANDOMIZED)
  void theNewFilingPage(@ForAll("forms") Form form) {
    var r = browser().form("/filings", form.fields(Samples.example()));
    pageAnswered(r, "POST /filings");
  }

  private static Long pageDraft;

  @Property(generation = GenerationMode.RANDOMIZED)
  void theFilingEditPage(@ForAll("forms") Form form) {
    if (pageDraft == null) {
      pageDraft = create("applicant");
    }
    var r = browser().form("/filings/" + pageDraft, form.fields(Samples.example()));
    pageAnswered(r, "POST /filings/{id}");
  }

  private static org.qunbei.support.PageSession browser() {
    if (pages == null) {
      pages = app.browser("applicant", "demo123");
    }
    return pages;
  }

  private static void pageAnswered(HttpResponse<String> r, String what) {
    Hostile.answered(r.statusCode(), r.body(), what);
    if (r.statusCode() == 200) {
      Hostile.noInjectedMarkup(r.body(), what);
    }
    String to = r.headers().firstValue("Location").orElse("");
    var saved = java.util.regex.Pattern.compile("/filings/(\\d+)").matcher(to);
    if (r.statusCode() == 302 && saved.find()) {
      readBack(app.as("applicant"), Long.parseLong(saved.group(1)));
    }
  }

  // ---- generators ----

  @Provide
  Arbitrary<Plan> plans() {
    return Hostile.plans();
  }

  @Provide
  Arbitrary<String> texts() {
    return Hostile.text();
  }

  /** An id as a path segment: "$" is a real one; the rest are what no id is. */
  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just("$")),
        Tuple.of(
            4,
            Arbitraries.of(
                "abc",
                "-1",
                "0",
                "1e3",
                "0x10",
                "9223372036854775807",
                "9223372036854775808",
                "99999999999999999999999",
                "1%20OR%201=1",
                "1'%20OR%20'1'='1",
                "1;drop%20table%20filing",
                "%00",
                "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "..%252f..%252f",
                "1.5",
                "%E4%B8%AD",
                "$%00",
                "$;jsessionid=x")),
        Tuple.of(2, Hostile.text().map(HostileInputIT::segment)));
  }

  /** A name (username, department code, stamp owner) as a path segment; "$" is a real one. */
  @Provide
  Arbitrary<String> names() {
    return ids();
  }

  @Provide
  Arbitrary<String> ifMatch() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just((String) null)),
        Tuple.of(
            3,
            Arbitraries.of(
                "*",
                "\"0\"",
                "\"-1\"",
                "\"abc\"",
                "W/\"1\"",
                "\"99999999999999999999\"",
                "\"1\", \"2\"",
                "\"' OR 1=1--\"",
                "",
                "\"")),
        Tuple.of(
            1,
            Hostile.text()
                .filter(s -> s.length() < 200 && s.chars().allMatch(c -> c >= 0x20 && c < 0x7f))));
  }

  @Provide
  Arbitrary<Tuple.Tuple2<String, byte[]>> images() {
    Arbitrary<String> type =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.of("image/png", "image/jpeg")),
            Tuple.of(1, Arbitraries.of("image/svg+xml", "text/html", "application/octet-stream")));
    Arbitrary<byte[]> bytes =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(64)),
            Tuple.of(2, Arbitraries.of(Images.ALL).map(Images::bytes)),
            Tuple.of(
                1,
                Hostile.text()
                    .map(
                        s ->
                            ("<svg xmlns=\"http://www.w3.org/2000/svg\">" + s + "</svg>")
                                .getBytes(StandardCharsets.UTF_8))));
    return Combinators.combine(type, bytes).as(Tuple::of);
  }

  @Provide
  Arbitrary<String> years() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(2090, 2099).map(String::valueOf)),
        Tuple.of(
            2,
            Arbitraries.of(
                "-1", "0", "1", "99999", "2147483648", "abc", "2090.5", "%00", "..%2f..", "1e3")));
  }

  @Provide
  Arbitrary<String> csv() {
    Arbitrary<String> cell =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.of("2090-01-01", "2090-10-08", "HOLIDAY", "WORKDAY", "国庆节")),
            Tuple.of(2, Hostile.text()),
            Tuple.of(
                1, Arbitraries.of("2090-02-30", "2091-01-01", "holiday", "\"", "\"\"a\"", "=1+1")));
    Arbitrary<String> row = cell.list().ofMinSize(0).ofMaxSize(4).map(l -> String.join(",", l));
    return Combinators.combine(
            Arbitraries.of("date,kind,name", "", "date;kind;name", "\ufeffdate,kind,name"),
            row.list().ofMaxSize(5),
            Arbitraries.of("\n", "\r\n", "\r"))
        .as((h, rows, nl) -> h + nl + String.join(nl, rows));
  }

  @Provide
  Arbitrary<String> staffCsv() {
    Arbitrary<String> cell =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.of("T1001", "张三", "CS", "zhangsan", "z@example.edu.cn")),
            Tuple.of(2, Hostile.text()));
    Arbitrary<String> row = cell.list().ofMinSize(0).ofMaxSize(6).map(l -> String.join(",", l));
    return Combinators.combine(
            Arbitraries.of("工号,姓名,部门代码,用户名,邮箱", "工号,姓名,部门代码,部门名称", "", "a,b"),
            row.list().ofMaxSize(5))
        .as((h, rows) -> h + "\n" + String.join("\n", rows));
  }

  @Provide
  Arbitrary<List<Tuple.Tuple2<Integer, String>>> cells() {
    return Combinators.combine(Arbitraries.integers().between(0, 100), Hostile.text())
        .as(Tuple::of)
        .list()
        .ofMaxSize(6);
  }

  @Provide
  Arbitrary<byte[]> garbage() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMaxSize(64)),
        Tuple.of(1, Arbitraries.of(Images.ALL).map(Images::bytes)));
  }

  @Provide
  Arbitrary<Form> forms() {
    Arbitrary<String> extra =
        Arbitraries.of(
            "team[300].name",
            "team[2147483647].name",
            "team[99999999999].name",
            "team[-1].name",
            "team[0].role",
            "composition[100000]",
            "purposes",
            "rules.retention.retain",
            "class.module.classLoader.DefaultAssertionStatus",
            "version",
            "action",
            "status",
            "number",
            "departmentCode");
    return Combinators.combine(
            Arbitraries.integers().between(0, 1000).list().ofMinSize(1).ofMaxSize(4),
            Hostile.text().list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.of(true, false, false, false, false),
            extra.list().ofMaxSize(2))
        .as(Form::new);
  }

  /** A form post made of a valid filing's fields, some typed over, and some made up. */
  record Form(List<Integer> picks, List<String> values, boolean everyField, List<String> extra) {
    List<String[]> fields(ObjectNode example) {
      List<String[]> f = new ArrayList<>();
      flatten(example, "", f);
      if (everyField) {
        for (int i = 0; i < f.size(); i++) {
          f.get(i)[1] = values.get(i % values.size());
        }
      } else {
        for (int i = 0; i < picks.size(); i++) {
          f.get(picks.get(i) % f.size())[1] = values.get(i % values.size());
        }
      }
      for (int i = 0; i < extra.size(); i++) {
        f.add(new String[] {extra.get(i), values.get(i % values.size())});
      }
      // A page form carries no lone surrogate: a browser sends U+FFFD instead.
      f.replaceAll(p -> new String[] {p[0], wellFormed(p[1])});
      return f;
    }

    private static void flatten(JsonNode n, String at, List<String[]> out) {
      if (n.isObject()) {
        for (var e : n.properties()) {
          flatten(e.getValue(), at.isEmpty() ? e.getKey() : at + "." + e.getKey(), out);
        }
      } else if (n.isArray()) {
        for (int i = 0; i < n.size(); i++) {
          JsonNode e = n.get(i);
          // Choice lists repeat the name; the team is indexed.
          flatten(e, e.isObject() ? at + "[" + i + "]" : at, out);
        }
      } else if (!n.isNull()) {
        out.add(new String[] {at, n.asString()});
      }
    }
  }

  // ---- helpers ----

  private static String wellFormed(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  private static String segment(String s) {
    return java.net.URLEncoder.encode(wellFormed(s), StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Api.Reply action(String method, String path, String ifMatch) {
    var applicant = app.as("applicant");
    var r =
        applicant.request(path).method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
    if (ifMatch != null) {
      r.header("If-Match", ifMatch);
    }
    return applicant.send(r);
  }

  private static void answered(Api.Reply r, String what) {
    Hostile.answered(r.status(), r.text(), what);
  }

  private static boolean ok(Api.Reply r) {
    return r.status() / 100 == 2;
  }

  /** The filing as stored: text within the rules, enums of their sets. */
  private static void readBack(Api api, long id) {
    Api.Reply r = api.get("/api/filings/" + id);
    assertThat(r.status()).as("GET /api/filings/%s: %s", id, r.text()).isEqualTo(200);
    JsonNode f = r.json();
    Hostile.stored(f, "filing " + id);
    enumOf(f.path("groupType"), org.qunbei.filing.GroupType.class);
    enumOf(f.path("lifetime"), org.qunbei.filing.Lifetime.class);
    enumOf(f.path("status"), org.qunbei.filing.FilingStatus.class);
    f.path("composition").forEach(c -> enumOf(c, org.qunbei.filing.Composition.class));
    f.path("purposes").forEach(c -> enumOf(c, org.qunbei.filing.Purpose.class));
    f.path("team").forEach(m -> enumOf(m.path("role"), org.qunbei.filing.TeamRole.class));
    f.path("decisions")
        .forEach(d -> enumOf(d.path("decision"), org.qunbei.approval.DecisionKind.class));
    assertThat(f.path("departmentCode").asString()).isEqualTo("CS");
  }

  private static <E extends Enum<E>> void enumOf(JsonNode n, Class<E> type) {
    if (n.isNull() || n.isMissingNode()) {
      return;
    }
    assertThat(java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name))
        .as(type.getSimpleName())
        .contains(n.asString());
  }

  static long create(String user) {
    ObjectNode body = Samples.example();
    // A number of no other group: one already filed would refuse the submission.
    body.put("groupType", "QQ")
        .put(
            "groupNumber",
            String.valueOf(
                10_000_000L
                    + java.util.concurrent.ThreadLocalRandom.current().nextLong(3_000_000_000L)));
    Api.Reply r = app.as(user).post("/api/filings", body.toString());
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  static long inReview(String user) {
    long id = create(user);
    Api.Reply r = app.as(user).post("/api/filings/" + id + "/submit", "");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return id;
  }

  static long filed(String user) {
    long id = inReview(user);
    for (String approver : new String[] {"depthead", "secrecy", "cyberoffice", "leader"}) {
      Api.Reply r =
          app.as(approver).post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}");
      assertThat(r.status()).as(approver + " " + r.text()).isEqualTo(200);
    }
    return id;
  }

  /** An account of the test's own, its first password changed; returns the password. */
  private static String account(String username) {
    Api.Reply made =
        app.as("admin")
            .post(
                "/api/admin/users",
                "{\"username\":\""
                    + username
                    + "\",\"name\":\"测试\",\"department\":\"CS\",\"staffNumber\":\"X"
                    + username
                    + "\",\"enabled\":true}");
    if (made.status() == 409) {
      // Made by an earlier try of this run whose password change did not finish: start again.
      made = app.as("admin").post("/api/admin/users/" + username + "/password-reset", "");
    }
    assertThat(made.status()).as(made.text()).isBetween(200, 201);
    String initial = made.json().path("initialPassword").asString();
    // A fresh password each time: one used before on the account is refused.
    String chosen = "Qb#" + java.util.UUID.randomUUID().toString().substring(0, 12) + "x";
    Api.Reply changed =
        Api.basic(app.port(), username, initial)
            .post(
                "/api/me/password", "{\"current\":\"" + initial + "\",\"new\":\"" + chosen + "\"}");
    if (changed.status() != 204) {
      // The client may send the change twice over a connection the server had just closed: the
      // first took effect, the second was refused as a repeat. What counts is the password now.
      assertThat(Api.basic(app.port(), username, chosen).get("/api/me/tokens").status())
          .as(changed.text())
          .isEqualTo(200);
    }
    return chosen;
  }

  private static Api tokenOf(String username, String password) {
    Api.Reply t =
        Api.basic(app.port(), username, password)
            .post("/api/me/tokens", "{\"name\":\"hostile\",\"days\":30}");
    assertThat(t.status()).as(t.text()).isEqualTo(201);
    return Api.bearer(app.port(), t.json().path("token").asString());
  }

  private static boolean finished(JsonNode job) {
    return List.of("DONE", "FAILED", "SUCCEEDED", "FINISHED", "COMPLETED")
        .contains(job.path("status").asString());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A thing in some state, made again only once a try has moved it on. */
  static final class Pool {
    private final Supplier<Long> make;
    private Long current;

    Pool(Supplier<Long> make) {
      this.make = make;
    }

    long get() {
      if (current == null) {
        current = make.get();
      }
      return current;
    }

    void usedIf(boolean used) {
      if (used) {
        current = null;
      }
    }
  }

  /** Image files: none valid but the small PNG, each wrong in its own way. */
  enum Images {
    PNG,
    PNG_HEADER_ONLY,
    PNG_HUGE,
    JPEG_HEADER,
    GIF,
    ZIP,
    HTML_POLYGLOT,
    EMPTY;

    static final Images[] ALL = values();

    byte[] bytes() {
      return switch (this) {
        case PNG -> Samples.qrPng("https://weixin.qq.com/g/hostile");
        case PNG_HEADER_ONLY -> java.util.Arrays.copyOf(Samples.qrPng("x"), 40);
        case PNG_HUGE -> huge();
        case JPEG_HEADER -> new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16};
        case GIF -> "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        case ZIP -> new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0};
        case HTML_POLYGLOT ->
            concat(
                Samples.qrPng("y"), "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        case EMPTY -> new byte[0];
      };
    }

    /** A PNG whose header claims 100000 × 100000 pixels. */
    private static byte[] huge() {
      byte[] png = Samples.qrPng("z").clone();
      // IHDR width and height at bytes 16..23; the CRC no longer matches, as an attacker's would.
      byte[] size = java.nio.ByteBuffer.allocate(8).putInt(100_000).putInt(100_000).array();
      System.arraycopy(size, 0, png, 16, 8);
      return png;
    }

    private static byte[] concat(byte[] a, byte[] b) {
      byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, out, a.length, b.length);
      return out;
    }
  }
}
