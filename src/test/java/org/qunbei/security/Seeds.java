package org.qunbei.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qunbei.security.Matrix.Caller;
import org.qunbei.security.Matrix.Res;
import org.qunbei.security.Matrix.Stage;
import org.qunbei.security.Matrix.Target;
import org.qunbei.security.Matrix.Targets;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the matrix calls endpoints on, made through the API as the demo users: filings of both
 * departments at every stage, and each person's own notices, tokens, jobs and signature.
 */
final class Seeds {

  private final int port;
  private final MockMvc mvc;
  private final Map<Targets, List<Target>> targets = new EnumMap<>(Targets.class);
  private final Map<String, Long> filed = new LinkedHashMap<>();
  private final Map<String, List<String>> groupNames = new LinkedHashMap<>();

  Seeds(int port, MockMvc mvc) {
    this.port = port;
    this.mvc = mvc;
  }

  Api as(String user) {
    return Api.as(port, user);
  }

  void plant() throws Exception {
    // Before depthead2 decides, so that the MATH decisions carry the signature.
    Api.Reply sig = as("depthead2").putBytes("/api/me/signature", "image/png", Samples.qrPng("孙丽"));
    assertThat(sig.status()).as("signature " + sig.text()).isEqualTo(200);
    add(
        Targets.SEAL,
        "signature of depthead2",
        Map.of("id", sig.json().path("id").asString()),
        null,
        new Res("MATH", Stage.FILED, "depthead2", false));

    List<Target> filings = new ArrayList<>();
    for (String dept : List.of("CS", "MATH")) {
      String applicant = dept.equals("CS") ? "applicant" : "applicant2";
      for (Stage stage : Stage.values()) {
        long id = filing(applicant, dept, stage, false);
        if (stage == Stage.FILED) {
          filed.put(dept, id);
        }
        filings.add(
            new Target(
                dept + "/" + stage + "#" + id,
                Map.of("id", String.valueOf(id)),
                null,
                List.of(Res.filing(dept, stage))));
      }
    }
    long secret = filing("applicant", "CS", Stage.CONFIDENTIALITY, true);
    filings.add(
        new Target(
            "CS/secret/PARTY_OFFICE#" + secret,
            Map.of("id", String.valueOf(secret)),
            null,
            List.of(Res.secret("CS", Stage.CONFIDENTIALITY))));
    long cs = filed.get("CS");
    long math = filed.get("MATH");
    // A change filing of the filed CS group, waiting for the department's head.
    Api.Reply change =
        as("applicant")
            .post(
                "/api/filings/" + cs + "/changes",
                "{\"changedOn\":\"" + LocalDate.now() + "\",\"reason\":\"更换群主\"}");
    assertThat(change.status()).as("change " + change.text()).isEqualTo(201);
    long changeId = change.json().path("id").asLong();
    groupNames.get("CS").add(change.json().path("groupName").asString());
    Api.Reply submitted = as("applicant").post("/api/filings/" + changeId + "/submit", "");
    assertThat(submitted.status()).as("change submitted " + submitted.text()).isEqualTo(200);
    filings.add(
        new Target(
            "CS/change/HEAD#" + changeId,
            Map.of("id", String.valueOf(changeId)),
            null,
            List.of(Res.filing("CS", Stage.HEAD))));
    targets.put(Targets.FILING, filings);
    List<Target> diffs = new ArrayList<>();
    filings.forEach(
        f -> diffs.add(new Target(f.label(), f.vars(), "from=" + f.vars().get("id"), f.res())));
    diffs.add(
        new Target(
            "CS/change from CS/FILED",
            Map.of("id", String.valueOf(changeId)),
            "from=" + cs,
            List.of(Res.filing("CS", Stage.HEAD), Res.filing("CS", Stage.FILED))));
    diffs.add(
        new Target(
            "CS/FILED from MATH/FILED",
            Map.of("id", String.valueOf(cs)),
            "from=" + math,
            List.of(Res.filing("CS", Stage.FILED), Res.filing("MATH", Stage.FILED))));
    diffs.add(
        new Target(
            "MATH/FILED from CS/FILED",
            Map.of("id", String.valueOf(math)),
            "from=" + cs,
            List.of(Res.filing("CS", Stage.FILED), Res.filing("MATH", Stage.FILED))));
    targets.put(Targets.FILING_DIFF, diffs);
    targets.put(
        Targets.AUDITED_FILING,
        List.of(new Target("filing " + cs, Map.of(), "filing=" + cs, List.of())));

    for (String person : List.of("applicant", "applicant2")) {
      Api.Reply token = as(person).post("/api/me/tokens", "{\"name\":\"矩阵\",\"days\":30}");
      assertThat(token.status()).as("token " + token.text()).isEqualTo(201);
      add(
          Targets.TOKEN,
          "token of " + person,
          Map.of("id", token.json().path("info").path("id").asString()),
          null,
          Res.of(person));
      Api.Reply notices = as(person).get("/api/notices");
      assertThat(notices.json().path("content").size()).as("notices of " + person).isPositive();
      add(
          Targets.NOTICE,
          "notice of " + person,
          Map.of("id", notices.json().path("content").get(0).path("id").asString()),
          null,
          Res.of(person));
    }

    // Far enough ahead that no seeded filing is handed to the delegate.
    LocalDate away = LocalDate.now().plusDays(60);
    Api.Reply delegation =
        as("secrecy")
            .post(
                "/api/me/delegations",
                "{\"delegate\":\"secrecy2\",\"from\":\""
                    + away
                    + "\",\"to\":\""
                    + away.plusDays(1)
                    + "\"}");
    assertThat(delegation.status()).as("delegation " + delegation.text()).isEqualTo(201);
    add(
        Targets.DELEGATION,
        "delegation of secrecy",
        Map.of("id", delegation.json().path("id").asString()),
        null,
        Res.of("secrecy"));
    for (String person : List.of("depthead", "depthead2")) {
      Api.Reply opinion = as(person).post("/api/me/opinions", "{\"text\":\"矩阵常用意见\"}");
      assertThat(opinion.status()).as("stock opinion " + opinion.text()).isEqualTo(201);
      add(
          Targets.OPINION,
          "stock opinion of " + person,
          Map.of("id", opinion.json().path("id").asString()),
          null,
          Res.of(person));
    }

    // A preview made before the directory changes below: applying it is refused as stale.
    Api.Reply preview =
        as("admin")
            .postBytes(
                "/api/admin/staff-imports?fileName=staff.csv",
                "text/csv",
                "工号,姓名,部门代码\nT9001,矩阵甲,MATH\n".getBytes(StandardCharsets.UTF_8));
    assertThat(preview.status()).as("staff preview " + preview.text()).isEqualTo(201);
    add(
        Targets.STAFF_IMPORT,
        "staff import",
        Map.of("id", preview.json().path("id").asString()),
        null,
        null);
    Api.Reply dept =
        as("admin")
            .post(
                "/api/admin/departments",
                "{\"code\":\"MTX\",\"name\":\"矩阵测试系\",\"kind\":\"DEPARTMENT\"}");
    assertThat(dept.status()).as("department " + dept.text()).isEqualTo(201);
    Api.Reply user =
        as("admin")
            .post(
                "/api/admin/users",
                "{\"username\":\"mtxuser\",\"name\":\"矩阵\",\"department\":\"MATH\","
                    + "\"enabled\":true}");
    assertThat(user.status()).as("user " + user.text()).isEqualTo(201);
    add(Targets.USER, "mtxuser", Map.of("username", "mtxuser"), null, null);
    add(Targets.DEPARTMENT, "MTX", Map.of("code", "MTX"), null, null);
    add(Targets.STAMP_OWNER, "MATH", Map.of("owner", "MATH"), null, null);
    add(Targets.YEAR, "2030", Map.of("year", "2030"), null, null);
    add(Targets.VERIFY_CODE, "unknown code", Map.of("code", "ABCD2345"), null, null);
    // A group robot, switched off: the calls on it post nothing anywhere.
    Api.Reply robot =
        as("admin")
            .post(
                "/api/admin/robots",
                "{\"name\":\"矩阵机器人\",\"kind\":\"WECOM\","
                    + "\"url\":\"http://127.0.0.1:9/hook\",\"enabled\":false}");
    assertThat(robot.status()).as("robot " + robot.text()).isEqualTo(201);
    add(Targets.ROBOT, "robot", Map.of("id", robot.json().path("id").asString()), null, null);

    var round =
        mvc.perform(
                post("/reviews")
                    .param("title", "矩阵年度复核")
                    .param("deadline", LocalDate.now().plusMonths(1).toString())
                    .with(httpBasic("cyberoffice", "demo123"))
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(round.getRedirectedUrl()).as("review round").startsWith("/reviews/");
    add(
        Targets.REVIEW,
        "review round",
        Map.of("id", round.getRedirectedUrl().substring("/reviews/".length())),
        null,
        null);
  }

  /** Export jobs of two people, started from their signed-in pages. */
  void jobs(Map<Caller, Cookie> sessions) throws Exception {
    for (Caller c : List.of(Caller.CYBEROFFICE, Caller.APPLICANT)) {
      var r =
          mvc.perform(post("/registry/export").cookie(sessions.get(c)).with(csrf()))
              .andReturn()
              .getResponse();
      assertThat(r.getRedirectedUrl()).as("export of " + c).startsWith("/jobs/");
      add(
          Targets.JOB,
          "job of " + c.user(),
          Map.of("id", r.getRedirectedUrl().substring("/jobs/".length())),
          null,
          Res.of(c.user()));
    }
  }

  /** The group names of the filings seeded for each department, every one unique. */
  Map<String, List<String>> groupNames() {
    return groupNames;
  }

  Map<String, List<Target>> targets() {
    Map<String, List<Target>> all = new LinkedHashMap<>();
    all.put(Targets.NONE.name(), AuthorizationMatrixIT.none());
    targets.forEach((k, v) -> all.put(k.name(), v));
    return all;
  }

  private void add(Targets kind, String label, Map<String, String> vars, String query, Res res) {
    targets
        .computeIfAbsent(kind, k -> new ArrayList<>())
        .add(new Target(label, vars, query, res == null ? List.of() : List.of(res)));
  }

  /** A filing of the department brought to the stage through the API by the people who act. */
  private long filing(String applicant, String dept, Stage stage, boolean secret) {
    Api.Reply made = as(applicant).post("/api/filings", Matrix.filingBody(dept, secret));
    assertThat(made.status()).as("draft " + made.text()).isEqualTo(201);
    long id = made.json().path("id").asLong();
    groupNames
        .computeIfAbsent(dept, d -> new ArrayList<>())
        .add(made.json().path("groupName").asString());
    Api.Reply qr =
        as(applicant)
            .putBytes(
                "/api/filings/" + id + "/qr-code", "image/png", Samples.qrPng("matrix-" + id));
    assertThat(qr.status()).as("qr " + qr.text()).isEqualTo(200);
    if (stage == Stage.DRAFT) {
      return id;
    }
    Api.Reply submitted = as(applicant).post("/api/filings/" + id + "/submit", "");
    assertThat(submitted.status()).as("submit " + submitted.text()).isEqualTo(200);
    for (Stage s : Stage.values()) {
      if (s == stage) {
        break;
      }
      if (s.underReview()) {
        Api.Reply decided =
            as(s.decider(dept, secret).user())
                .post(
                    "/api/filings/" + id + "/decisions",
                    "{\"decision\":\"APPROVE\",\"opinion\":\"同意\"}");
        assertThat(decided.status()).as(s + " " + decided.text()).isEqualTo(200);
      }
    }
    if (stage == Stage.DISSOLVING) {
      Api.Reply reported =
          as(applicant)
              .post(
                  "/api/filings/" + id + "/dissolution",
                  "{\"dissolvedOn\":\"" + LocalDate.now() + "\",\"reason\":\"项目结束\"}");
      assertThat(reported.status()).as("dissolution " + reported.text()).isEqualTo(201);
    }
    return id;
  }
}
