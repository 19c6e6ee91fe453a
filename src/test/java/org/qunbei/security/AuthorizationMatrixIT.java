package org.qunbei.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qunbei.security.Matrix.Access.*;
import static org.qunbei.security.Matrix.Targets.*;
import static org.qunbei.security.Matrix.rule;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qunbei.security.Matrix.Caller;
import org.qunbei.security.Matrix.Expect;
import org.qunbei.security.Matrix.Rule;
import org.qunbei.security.Matrix.Target;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application maps (read from Spring MVC itself, pages and API alike) is called
 * by every kind of caller, on resources of the caller's own department and of another one, and the
 * answer is compared with the rule written here for it. A new endpoint without a rule line fails
 * the build, and so does a rule line left after its endpoint went.
 *
 * <p>Allowed means the request passed authorisation: a 2xx, a redirect somewhere other than the
 * sign-in page, or a 4xx about the body or the state (400, 409, 412, 429). Refused means 401, 403,
 * 404 or a redirect to sign in. A write sends a well-formed body that fails late (a version that is
 * not the filing's, a date in the future, an image that is not one), so an allowed caller changes
 * nothing that later calls depend on, and a refused one shows that it was refused before its body
 * mattered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc(print = org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlers;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  /**
   * Endpoints that are the framework's, not Qunbei's, each with why it is left out of the matrix.
   */
  static final Map<String, String> FRAMEWORK =
      Map.of(
          "GET /v3/api-docs",
          "springdoc's OpenAPI document (authenticated by the page chain; OpenApiDocumentTest)",
          "GET /v3/api-docs.yaml",
          "springdoc's OpenAPI document as YAML");

  /** A body for a write that passes every format check and fails late. */
  static final String STALE = "\"999999\"";

  static final String FUTURE = LocalDate.now().plusYears(1).toString();

  static final byte[] NOT_AN_IMAGE = "not an image".getBytes(StandardCharsets.UTF_8);

  /** One line per endpoint, in the order they are called (what closes or revokes comes last). */
  static final List<Rule> RULES =
      List.of(
          // Public: sign-in, the verification of a printout, the error page.
          rule("GET /login", NONE, PUBLIC),
          rule("GET /login/cas", NONE, PUBLIC).lenient(),
          rule("GET /verify", NONE, PUBLIC).query("code=ABCD2345").lenient(),
          rule("GET /verify/{code}", VERIFY_CODE, PUBLIC).lenient(),
          rule("* /error", NONE, PUBLIC).lenient(),
          // Anyone signed in: home, own account, own notices, own tokens, inbox, calendar reads.
          rule("GET /", NONE, SIGNED_IN),
          rule("GET /login/two-factor", NONE, SIGNED_IN).lenient(),
          rule("POST /login/two-factor", NONE, SIGNED_IN).form("code", "000000").lenient(),
          rule("GET /account/two-factor", NONE, SIGNED_IN),
          rule("POST /account/two-factor/start", NONE, SIGNED_IN).lenient(),
          rule("POST /account/two-factor/confirm", NONE, SIGNED_IN)
              .form("code", "000000")
              .lenient(),
          rule("POST /account/two-factor/off", NONE, SIGNED_IN).form("code", "000000").lenient(),
          rule("GET /account/password", NONE, SIGNED_IN),
          rule("POST /account/password", NONE, SIGNED_IN)
              .form("current", "demo123", "new", "x", "confirm", "x"),
          rule("POST /api/me/password", NONE, SIGNED_IN)
              .json("{\"current\":\"demo123\",\"new\":\"x\"}"),
          rule("GET /account/signature", NONE, SIGNED_IN),
          rule("POST /account/signature", NONE, SIGNED_IN).file(NOT_AN_IMAGE),
          rule("PUT /api/me/signature", NONE, SIGNED_IN).bytes("image/png", NOT_AN_IMAGE),
          rule("GET /account/tokens", NONE, SIGNED_IN),
          rule("POST /account/tokens", NONE, SIGNED_IN).form("name", "", "days", "0"),
          rule("GET /api/me/tokens", NONE, SIGNED_IN),
          rule("POST /api/me/tokens", NONE, SIGNED_IN).json("{\"name\":\"\",\"days\":0}"),
          rule("GET /account/delegations", NONE, SIGNED_IN),
          rule("GET /api/me/delegations", NONE, SIGNED_IN),
          rule("POST /account/delegations", NONE, DECIDERS)
              .form("delegate", "", "from", "", "to", ""),
          rule("POST /api/me/delegations", NONE, DECIDERS)
              .json("{\"delegate\":\"\",\"from\":\"\",\"to\":\"\"}"),
          rule("GET /notices", NONE, SIGNED_IN),
          rule("GET /api/notices", NONE, SIGNED_IN),
          rule("POST /notices/{id}/read", NOTICE, OWNER),
          rule("GET /notices/{id}", NOTICE, OWNER),
          rule("GET /tasks", NONE, SIGNED_IN),
          rule("GET /api/tasks", NONE, SIGNED_IN),
          rule("GET /tasks/done", NONE, SIGNED_IN),
          rule("GET /tasks/started", NONE, SIGNED_IN),
          // A batch names its filings in the body: each is then refused or decided on its own
          // (BatchApprovalIT); here only who may call it at all.
          rule("POST /tasks/decisions", NONE, SIGNED_IN).form("filings", "999999:1"),
          rule("POST /api/tasks/decisions", NONE, SIGNED_IN)
              .json("{\"filings\":[],\"decision\":\"APPROVE\"}"),
          rule("GET /api/calendar/deadline", NONE, SIGNED_IN)
              .query("from=2026-10-08&workingDays=5"),
          rule("GET /api/calendar/years", NONE, SIGNED_IN),
          rule("GET /api/calendar/years/{year}", YEAR, SIGNED_IN),
          rule("GET /lifecycle/alerts", NONE, SIGNED_IN),
          rule("GET /api/lifecycle/alerts", NONE, SIGNED_IN),
          // Filings: the department's own people, the offices once submitted, never the admins.
          rule("GET /filings/mine", NONE, SIGNED_IN),
          rule("GET /filings/new", NONE, APPLICANTS),
          rule("POST /filings", NONE, APPLICANTS).form("memberCount", "八十"),
          rule("POST /api/filings", NONE, APPLICANTS).json(Matrix.filingBody(null)),
          rule("GET /filings/{id}", FILING, VIEW),
          rule("GET /api/filings/{id}", FILING, VIEW),
          rule("GET /filings/{id}/edit", FILING, VIEW),
          rule("GET /filings/{id}/versions", FILING, VIEW),
          rule("GET /api/filings/{id}/versions", FILING, VIEW),
          rule("GET /filings/{id}/diff", FILING_DIFF, VIEW),
          rule("GET /api/filings/{id}/diff", FILING_DIFF, VIEW),
          rule("GET /filings/{id}/qr-code", FILING, VIEW),
          rule("GET /api/filings/{id}/qr-code", FILING, VIEW),
          rule("GET /filings/{id}/pdf", FILING, VIEW),
          rule("GET /api/filings/{id}/pdf", FILING, VIEW),
          rule("GET /filings/{id}/docx", FILING, VIEW),
          rule("GET /api/filings/{id}/docx", FILING, VIEW),
          rule("POST /filings/{id}", FILING, EDIT).form("memberCount", "八十", "version", "999999"),
          rule("PUT /api/filings/{id}", FILING, EDIT).json(Matrix.filingBody(null)).ifMatch(STALE),
          rule("POST /api/filings/{id}/submit", FILING, EDIT).ifMatch(STALE),
          rule("POST /filings/{id}/withdraw", FILING, EDIT).form("version", "999999"),
          rule("POST /api/filings/{id}/withdraw", FILING, EDIT).ifMatch(STALE),
          rule("POST /filings/{id}/copy", FILING, EDIT),
          rule("POST /api/filings/{id}/copy", FILING, EDIT),
          rule("POST /filings/{id}/qr-code", FILING, EDIT).file(NOT_AN_IMAGE),
          rule("PUT /api/filings/{id}/qr-code", FILING, EDIT).bytes("image/png", NOT_AN_IMAGE),
          rule("POST /filings/{id}/changes", FILING, EDIT).form("changedOn", FUTURE, "reason", "x"),
          rule("POST /api/filings/{id}/changes", FILING, EDIT)
              .json("{\"changedOn\":\"" + FUTURE + "\",\"reason\":\"x\"}"),
          rule("POST /filings/{id}/dissolution", FILING, EDIT)
              .form("dissolvedOn", FUTURE, "reason", "x"),
          rule("POST /api/filings/{id}/dissolution", FILING, EDIT)
              .json("{\"dissolvedOn\":\"" + FUTURE + "\",\"reason\":\"x\"}"),
          rule("POST /filings/{id}/urge", FILING, EDIT),
          rule("POST /api/filings/{id}/urge", FILING, EDIT),
          rule("POST /filings/{id}/decisions", FILING, DECIDE)
              .form("decision", "APPROVE", "opinion", "同意", "version", "999999"),
          rule("POST /api/filings/{id}/decisions", FILING, DECIDE)
              .json("{\"decision\":\"APPROVE\",\"opinion\":\"同意\"}")
              .ifMatch(STALE),
          rule("POST /filings/{id}/transfers", FILING, TRANSFER)
              .form("to", "secrecy2", "reason", "出差", "version", "999999"),
          rule("POST /api/filings/{id}/transfers", FILING, TRANSFER)
              .json("{\"to\":\"secrecy2\",\"reason\":\"出差\"}")
              .ifMatch(STALE),
          rule("POST /filings/{id}/copies", FILING, COPY).form("users", "nosuchperson"),
          rule("POST /api/filings/{id}/copies", FILING, COPY)
              .json("{\"users\":[\"nosuchperson\"]}"),
          rule("GET /copies", NONE, SIGNED_IN),
          rule("GET /api/me/copies", NONE, SIGNED_IN),
          rule("GET /account/opinions", NONE, SIGNED_IN),
          rule("POST /account/opinions", NONE, DECIDERS).form("text", ""),
          rule("GET /api/me/opinions", NONE, SIGNED_IN),
          rule("POST /api/me/opinions", NONE, DECIDERS).json("{\"text\":\"\"}"),
          rule("GET /seals/{id}", SEAL, SEAL_VIEW),
          // The registry: the offices see every submitted filing, a department its own.
          rule("GET /registry", NONE, SIGNED_IN),
          rule("GET /api/filings", NONE, SIGNED_IN),
          rule("GET /api/filings/export", NONE, SIGNED_IN),
          rule("GET /statistics", NONE, SIGNED_IN),
          rule("GET /api/statistics", NONE, SIGNED_IN),
          rule("POST /registry/export", NONE, SIGNED_IN),
          rule("GET /jobs", NONE, SIGNED_IN),
          rule("GET /jobs/{id}", JOB, OWNER),
          rule("GET /jobs/{id}/progress", JOB, OWNER),
          rule("GET /jobs/{id}/file", JOB, OWNER),
          rule("GET /api/registry/jobs/{id}", JOB, OWNER),
          rule("GET /registry/import", NONE, CYBER),
          rule("GET /registry/import/template", NONE, SIGNED_IN),
          rule("POST /registry/import", NONE, CYBER).file(NOT_AN_IMAGE),
          rule("POST /api/registry/imports", NONE, CYBER)
              .bytes("application/octet-stream", NOT_AN_IMAGE),
          // The annual review: opened and closed by the cyberspace office, answered by departments.
          rule("GET /reviews", NONE, SIGNED_IN),
          rule("POST /reviews", NONE, CYBER).form("title", "矩阵", "deadline", "明天"),
          rule("GET /reviews/{id}", REVIEW, REVIEWERS),
          rule("GET /reviews/{id}/report.xlsx", REVIEW, CYBER),
          rule("POST /reviews/{id}/confirmations", REVIEW, DEPARTMENT_PEOPLE)
              .form("item", "999999999", "members-999999999", "1")
              .lenient(),
          // The three administrators apart (三权分立).
          rule("GET /admin/users", NONE, ADMINS),
          rule("GET /api/admin/users", NONE, ADMINS),
          rule("GET /admin/users/{username}", USER, ADMINS),
          rule("GET /api/admin/users/{username}/open-work", USER, ADMINS),
          rule("POST /admin/users", NONE, SYSTEM_ADMIN).form("username", "mtxuser", "name", "矩阵"),
          rule("POST /api/admin/users", NONE, SYSTEM_ADMIN)
              .json(
                  "{\"username\":\"mtxuser\",\"name\":\"矩阵\",\"department\":\"MATH\","
                      + "\"enabled\":true}"),
          rule("POST /admin/users/{username}", USER, SYSTEM_ADMIN)
              .form("name", "矩阵测试", "department", "MATH", "enabled", "true"),
          rule("PUT /api/admin/users/{username}", USER, SYSTEM_ADMIN)
              .json("{\"name\":\"矩阵测试\",\"department\":\"MATH\",\"enabled\":true}"),
          rule("POST /admin/users/{username}/password-reset", USER, SYSTEM_ADMIN),
          rule("POST /api/admin/users/{username}/password-reset", USER, SYSTEM_ADMIN),
          rule("POST /admin/users/{username}/sessions/end", USER, SYSTEM_ADMIN),
          rule("POST /api/admin/users/{username}/sessions/end", USER, SYSTEM_ADMIN),
          rule("POST /admin/users/{username}/roles", USER, SECURITY_ADMIN)
              .form("role", "APPLICANT", "reason", "矩阵"),
          rule("PUT /api/admin/users/{username}/roles", USER, SECURITY_ADMIN)
              .json("{\"roles\":[\"APPLICANT\"],\"reason\":\"矩阵\"}"),
          rule("GET /admin/departments", NONE, ADMINS),
          rule("GET /api/admin/departments", NONE, ADMINS),
          rule("POST /admin/departments", NONE, SYSTEM_ADMIN)
              .form("code", "MTX", "name", "矩阵测试系", "kind", "DEPARTMENT"),
          rule("POST /api/admin/departments", NONE, SYSTEM_ADMIN)
              .json("{\"code\":\"MTX\",\"name\":\"矩阵测试系\",\"kind\":\"DEPARTMENT\"}"),
          rule("PUT /api/admin/departments/{code}", DEPARTMENT, SYSTEM_ADMIN)
              .json("{\"code\":\"MTX\",\"name\":\"矩阵测试系\",\"kind\":\"DEPARTMENT\"}"),
          rule("GET /admin/staff-imports", NONE, SYSTEM_ADMIN),
          rule("POST /admin/staff-imports", NONE, SYSTEM_ADMIN),
          rule("POST /api/admin/staff-imports", NONE, SYSTEM_ADMIN)
              .bytes("text/csv", "工号,姓名,部门代码\n".getBytes(StandardCharsets.UTF_8)),
          rule("GET /admin/staff-imports/{id}", STAFF_IMPORT, SYSTEM_ADMIN),
          rule("GET /api/admin/staff-imports/{id}", STAFF_IMPORT, SYSTEM_ADMIN),
          rule("POST /admin/staff-imports/{id}/apply", STAFF_IMPORT, SYSTEM_ADMIN),
          rule("POST /api/admin/staff-imports/{id}/apply", STAFF_IMPORT, SYSTEM_ADMIN),
          rule("GET /admin/calendar", NONE, SYSTEM_ADMIN),
          rule("POST /admin/calendar", NONE, SYSTEM_ADMIN).form("year", "2030"),
          rule("PUT /api/admin/calendar/{year}", YEAR, SYSTEM_ADMIN)
              .bytes("text/csv", "not a calendar".getBytes(StandardCharsets.UTF_8)),
          rule("GET /admin/robots", NONE, SYSTEM_ADMIN),
          rule("POST /admin/robots", NONE, SYSTEM_ADMIN)
              .form("name", "", "kind", "WECOM", "url", "ftp://example.com/x"),
          rule("GET /api/admin/robots", NONE, SYSTEM_ADMIN),
          rule("POST /api/admin/robots", NONE, SYSTEM_ADMIN)
              .json("{\"name\":\"\",\"kind\":\"WECOM\",\"url\":\"ftp://example.com/x\"}"),
          rule("GET /admin/robots/{id}", ROBOT, SYSTEM_ADMIN),
          rule("POST /admin/robots/{id}", ROBOT, SYSTEM_ADMIN)
              .form("name", "", "kind", "WECOM", "url", "ftp://example.com/x"),
          rule("PUT /api/admin/robots/{id}", ROBOT, SYSTEM_ADMIN)
              .json("{\"name\":\"\",\"kind\":\"WECOM\",\"url\":\"ftp://example.com/x\"}"),
          rule("POST /admin/robots/{id}/test", ROBOT, SYSTEM_ADMIN),
          rule("POST /api/admin/robots/{id}/test", ROBOT, SYSTEM_ADMIN),
          rule("GET /admin/security", NONE, SECURITY_ADMIN),
          rule("POST /admin/security", NONE, SECURITY_ADMIN),
          rule("GET /api/admin/security/second-factor", NONE, SECURITY_ADMIN),
          rule("PUT /api/admin/security/second-factor", NONE, SECURITY_ADMIN)
              .json("{\"roles\":[]}"),
          rule("GET /admin/stamps", NONE, SECURITY_ADMIN),
          rule("POST /admin/stamps/{owner}", STAMP_OWNER, SECURITY_ADMIN).file(NOT_AN_IMAGE),
          rule("PUT /api/stamps/{owner}", STAMP_OWNER, SECURITY_ADMIN)
              .bytes("image/png", NOT_AN_IMAGE),
          rule("GET /audit", NONE, AUDITOR_ONLY),
          rule("GET /api/audit", NONE, AUDITOR_ONLY),
          rule("GET /api/audit/verify", AUDITED_FILING, AUDITOR_ONLY),
          rule("GET /api/audit/chain", NONE, AUDITOR_ONLY),
          rule("GET /api/audit/export", NONE, AUDITOR_ONLY),
          rule("GET /api/audit/key", NONE, AUDITOR_ONLY),
          // Last: what ends a resource the calls above use.
          rule("POST /reviews/{id}/close", REVIEW, CYBER),
          rule("POST /account/tokens/{id}/revoke", TOKEN, OWNER).lenient(),
          rule("DELETE /api/me/tokens/{id}", TOKEN, OWNER).lenient(),
          rule("POST /account/delegations/{id}/cancel", DELEGATION, OWNER).lenient(),
          rule("DELETE /api/me/delegations/{id}", DELEGATION, OWNER).lenient(),
          rule("POST /admin/robots/{id}/delete", ROBOT, SYSTEM_ADMIN).lenient(),
          rule("DELETE /api/admin/robots/{id}", ROBOT, SYSTEM_ADMIN).lenient(),
          rule("DELETE /api/me/opinions/{id}", OPINION, OWNER).lenient(),
          rule("POST /account/opinions/{id}/delete", OPINION, OWNER).lenient());

  private final Map<Caller, Cookie> sessions = new EnumMap<>(Caller.class);
  private final Map<String, List<Target>> targets = new LinkedHashMap<>();
  private final Map<String, List<String>> groupNames = new LinkedHashMap<>();

  /** Every endpoint of the application, as "METHOD pattern" ("*" when any method maps). */
  private Set<String> endpoints() {
    Set<String> all = new TreeSet<>();
    handlers
        .getHandlerMethods()
        .keySet()
        .forEach(
            info -> {
              var methods = info.getMethodsCondition().getMethods();
              for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                  all.add("* " + pattern);
                }
                methods.forEach(m -> all.add(m.name() + " " + pattern));
              }
            });
    return all;
  }

  @Test
  void everyEndpointHasExactlyOneRuleAndEveryRuleAnEndpoint() {
    Set<String> mapped = endpoints();
    assertThat(mapped).as("framework endpoints left out").containsAll(FRAMEWORK.keySet());
    mapped.removeAll(FRAMEWORK.keySet());
    Set<String> ruled = new TreeSet<>();
    List<String> twice = new ArrayList<>();
    RULES.forEach(
        r -> {
          if (!ruled.add(r.endpoint())) {
            twice.add(r.endpoint());
          }
        });
    Set<String> withoutRule = new TreeSet<>(mapped);
    withoutRule.removeAll(ruled);
    Set<String> withoutEndpoint = new TreeSet<>(ruled);
    withoutEndpoint.removeAll(mapped);
    assertThat(withoutRule).as("endpoints without a rule line in AuthorizationMatrixIT").isEmpty();
    assertThat(withoutEndpoint).as("rule lines without an endpoint").isEmpty();
    assertThat(twice).as("endpoints with two rule lines").isEmpty();
  }

  @BeforeAll
  void seed() throws Exception {
    Seeds seeds = new Seeds(port, mvc);
    seeds.plant();
    for (Caller c : Caller.values()) {
      if (c != Caller.ANONYMOUS) {
        sessions.put(c, signIn(c.user()));
      }
    }
    seeds.jobs(sessions);
    targets.putAll(seeds.targets());
    groupNames.putAll(seeds.groupNames());
  }

  private Cookie signIn(String user) throws Exception {
    var r = mvc.perform(formLogin("/login").user(user).password("demo123")).andReturn();
    assertThat(r.getResponse().getRedirectedUrl()).as("sign-in of " + user).doesNotContain("login");
    return r.getResponse().getCookie("JSESSIONID");
  }

  @Test
  void noCallerIsAllowedWhatItsRuleRefuses() throws Exception {
    List<String> unexpectedAllows = new ArrayList<>();
    List<String> unexpectedRefusals = new ArrayList<>();
    List<String> reportedRefusals = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    int calls = 0;
    long started = System.nanoTime();
    Map<String, Long> nanosByRule = new LinkedHashMap<>();
    for (Rule rule : RULES) {
      for (Target target : targets.get(rule.targets().name())) {
        for (Caller caller : Caller.values()) {
          Expect expected = target.expect(rule.access(), caller);
          long callStarted = System.nanoTime();
          MockHttpServletResponse response = call(rule, target, caller);
          nanosByRule.merge(rule.endpoint(), System.nanoTime() - callStarted, Long::sum);
          calls++;
          String line =
              rule.endpoint()
                  + " "
                  + target.label()
                  + " as "
                  + caller
                  + " → "
                  + response.getStatus()
                  + (response.getRedirectedUrl() == null ? "" : " " + response.getRedirectedUrl());
          switch (Matrix.classify(response)) {
            case ERROR -> errors.add(line);
            case ALLOWED -> {
              if (expected == Expect.DENY) {
                unexpectedAllows.add(line);
              }
            }
            case REFUSED -> {
              if (expected == Expect.ALLOW) {
                (rule.stateDependent() ? reportedRefusals : unexpectedRefusals).add(line);
              }
            }
          }
        }
      }
    }
    // Where the matrix's time goes, for whoever has to make it shorter.
    String slowest =
        nanosByRule.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(10)
            .map(e -> e.getKey() + " " + e.getValue() / 1_000_000 + " ms")
            .collect(java.util.stream.Collectors.joining("\n  "));
    String report =
        String.format(
            "Authorization matrix: %d calls in %d s%n"
                + "slowest endpoints, all their calls:%n  %s%n"
                + "unexpected allows:%n  %s%n"
                + "server errors or malformed calls:%n  %s%n"
                + "unexpected refusals:%n  %s%n"
                + "refusals of allowed callers left unasserted (state-dependent):%n  %s%n",
            calls,
            (System.nanoTime() - started) / 1_000_000_000L,
            slowest,
            String.join("\n  ", unexpectedAllows),
            String.join("\n  ", errors),
            String.join("\n  ", unexpectedRefusals),
            String.join("\n  ", reportedRefusals));
    java.nio.file.Files.writeString(
        java.nio.file.Path.of("target/authorization-matrix.txt"), report);
    System.out.print(report);
    assertThat(unexpectedAllows).as("unexpected allows").isEmpty();
    assertThat(errors).as("server errors or malformed matrix calls").isEmpty();
    assertThat(unexpectedRefusals).as("unexpected refusals").isEmpty();
  }

  /**
   * The lists (registry, own department's, inbox, alerts), filtered for the other department by
   * name: none shows another department's filing, and the administrators' show none at all.
   */
  @Test
  void noListShowsAFilingTheCallerMayNotSee() throws Exception {
    List<String> leaks = new ArrayList<>();
    String[] lists = {
      "/api/filings?size=100",
      "/api/filings?size=100&department=MATH",
      "/api/filings?size=100&department=CS",
      "/registry?size=100",
      "/registry?size=100&department=MATH",
      "/filings/mine",
      "/api/tasks?size=100",
      "/tasks",
      "/api/lifecycle/alerts",
      "/lifecycle/alerts",
      "/api/notices",
      "/notices"
    };
    for (Caller caller : Caller.values()) {
      if (caller == Caller.ANONYMOUS || caller.office()) {
        continue;
      }
      List<String> hidden = new ArrayList<>();
      groupNames.forEach(
          (dept, names) -> {
            if (!dept.equals(caller.dept())) {
              hidden.addAll(names);
            }
          });
      for (String list : lists) {
        String body =
            mvc.perform(
                    MockMvcRequestBuilders.get(URI.create(list))
                        .cookie(sessions.get(caller))
                        .header("Accept-Language", "zh-CN"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        hidden.stream()
            .filter(body::contains)
            .forEach(name -> leaks.add(list + " as " + caller + " shows " + name));
      }
    }
    assertThat(leaks).as("filings shown in a list to someone who may not see them").isEmpty();
  }

  private MockHttpServletResponse call(Rule rule, Target target, Caller caller) throws Exception {
    String method = rule.method().equals("*") ? "GET" : rule.method();
    String path = target.path(rule.pattern());
    String query = target.query() != null ? target.query() : rule.query();
    URI uri = URI.create(path + (query == null ? "" : "?" + query));
    AbstractMockHttpServletRequestBuilder<?> request;
    if (rule.file() != null) {
      request =
          MockMvcRequestBuilders.multipart(HttpMethod.valueOf(method), uri)
              .file(new MockMultipartFile("file", "x.png", "image/png", rule.file()));
    } else {
      request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), uri);
    }
    if (rule.json() != null) {
      request.contentType("application/json").content(rule.json());
    } else if (rule.bytes() != null) {
      request.contentType(rule.contentType()).content(rule.bytes());
    }
    for (int i = 0; i < rule.form().length; i += 2) {
      request.param(rule.form()[i], rule.form()[i + 1]);
    }
    if (rule.ifMatch() != null) {
      request.header("If-Match", rule.ifMatch());
    }
    request.header("Accept-Language", "zh-CN");
    if (!method.equals("GET")) {
      request.with(csrf());
    }
    Cookie session = sessions.get(caller);
    if (session != null) {
      request.cookie(session);
    }
    try {
      return mvc.perform(request).andReturn().getResponse();
    } catch (Exception e) {
      var failed = new MockHttpServletResponse();
      failed.setStatus(599);
      return failed;
    }
  }

  /** What the matrix calls each target, by the kind of resource a rule's path names. */
  static List<Target> none() {
    return List.of(new Target("-", Map.of(), null, List.of()));
  }
}
