package org.qunbei.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in through the school's 统一身份认证 against real servers started here: an OpenID Connect provider
 * (mock-oauth2-server, the whole authorization-code flow with discovery, token and userinfo
 * endpoints) and a CAS 3.0 server answering {@code /login} and {@code /p3/serviceValidate} as CAS
 * does. A browser-like client follows every redirect with its cookies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SingleSignOnIT {

  static final MockOAuth2Server OIDC = new MockOAuth2Server();
  static final HttpServer CAS;

  /** Tickets the CAS server gave out, each naming one person, good once. */
  static final Map<String, String> TICKETS = new ConcurrentHashMap<>();

  static volatile String casUser = "applicant";
  static volatile String expectedService;
  static final AtomicInteger SEQ = new AtomicInteger();

  /** Known before the app starts, because the CAS service URL is configuration, not the request. */
  static final int APP_PORT;

  static {
    try (var probe = new java.net.ServerSocket(0)) {
      APP_PORT = probe.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    OIDC.start();
    try {
      CAS = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    CAS.createContext(
        "/cas/login",
        ex -> {
          String service = param(ex.getRequestURI().getRawQuery(), "service");
          String ticket = "ST-" + SEQ.incrementAndGet() + "-cas";
          TICKETS.put(ticket, casUser);
          ex.getResponseHeaders().add("Location", service + "?ticket=" + ticket);
          ex.sendResponseHeaders(302, -1);
          ex.close();
        });
    CAS.createContext(
        "/cas/p3/serviceValidate",
        ex -> {
          String q = ex.getRequestURI().getRawQuery();
          String user = TICKETS.remove(param(q, "ticket"));
          boolean ok = user != null && param(q, "service").equals(expectedService);
          String xml =
              ok
                  ? "<cas:serviceResponse xmlns:cas=\"http://www.yale.edu/tp/cas\">"
                      + "<cas:authenticationSuccess><cas:user>"
                      + user
                      + "</cas:user><cas:attributes><cas:name>统一认证用户</cas:name>"
                      + "</cas:attributes></cas:authenticationSuccess></cas:serviceResponse>"
                  : "<cas:serviceResponse xmlns:cas=\"http://www.yale.edu/tp/cas\">"
                      + "<cas:authenticationFailure code=\"INVALID_TICKET\">Ticket not recognized"
                      + "</cas:authenticationFailure></cas:serviceResponse>";
          byte[] body = xml.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/xml;charset=UTF-8");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    CAS.start();
  }

  @LocalServerPort int port;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
    registry.add("qunbei.sso.oidc.issuer-uri", () -> OIDC.issuerUrl("campus").toString());
    registry.add("qunbei.sso.oidc.client-id", () -> "qunbei");
    registry.add("qunbei.sso.oidc.client-secret", () -> "secret");
    registry.add("qunbei.sso.oidc.account-claim", () -> "staff_number");
    registry.add("qunbei.sso.oidc.match", () -> "staff-number");
    registry.add("qunbei.sso.oidc.department-claim", () -> "dept");
    registry.add("qunbei.sso.unknown-staff", () -> "applicant");
    registry.add(
        "qunbei.sso.cas.server-url",
        () -> "http://127.0.0.1:" + CAS.getAddress().getPort() + "/cas");
    registry.add("server.port", () -> APP_PORT);
    registry.add("qunbei.sso.cas.service-url", () -> "http://localhost:" + APP_PORT + "/login/cas");
  }

  @AfterAll
  static void stop() {
    OIDC.shutdown();
    CAS.stop(0);
  }

  /** A browser: follows redirects, keeps cookies, asks for pages. */
  static HttpClient browser() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  HttpResponse<String> open(HttpClient browser, String path) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "text/html")
            .header("Accept-Language", "zh-CN")
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private void staffWithNumber(String username, String staffNumber) {
    var r =
        Api.as(port, "admin")
            .post(
                "/api/admin/users",
                "{\"username\":\"%s\",\"name\":\"单点用户\",\"department\":\"CS\",\"staffNumber\":\"%s\"}"
                    .formatted(username, staffNumber));
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    Api.as(port, "secadmin")
        .put("/api/admin/users/" + username + "/roles", "{\"roles\":[\"APPLICANT\"]}", null);
  }

  private void nextOidcPerson(Map<String, Object> claims) {
    OIDC.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "campus",
            "sub-" + SEQ.incrementAndGet(),
            "JWT",
            java.util.List.of("qunbei"),
            claims,
            3600));
  }

  @Test
  void theLoginPageOffersTheSchoolsSignInBesideTheLocalOne() throws Exception {
    String page = open(browser(), "/login").body();
    assertThat(page).contains("统一身份认证登录", "/oauth2/authorization/campus", "/login/cas", "密码");
  }

  @Test
  void oidcFindsTheAccountByStaffNumberAndLandsWhereTheRoleWorks() throws Exception {
    staffWithNumber("oidcuser", "T9001");
    nextOidcPerson(Map.of("staff_number", "T9001", "name", "单点用户"));
    HttpClient browser = browser();
    var landed = open(browser, "/oauth2/authorization/campus");
    assertThat(landed.statusCode()).isEqualTo(200);
    assertThat(landed.uri().getPath()).isEqualTo("/filings/mine");
    // Signed in through the provider, the initial local password does not hold the person back.
    assertThat(landed.body()).contains("本部门备案");
    assertThat(open(browser, "/filings/new").statusCode()).isEqualTo(200);
  }

  @Test
  void oidcGivesUnknownStaffAnApplicantAccountWhenTheSchoolSaysSo() throws Exception {
    nextOidcPerson(Map.of("staff_number", "T9100", "name", "新教师", "dept", "MATH"));
    var landed = open(browser(), "/oauth2/authorization/campus");
    assertThat(landed.uri().getPath()).isEqualTo("/filings/mine");
    String users = Api.as(port, "admin").get("/api/admin/users").text();
    assertThat(users).contains("\"t9100\"", "新教师", "T9100");

    // One the provider knows without a department Qunbei has: refused, told why.
    nextOidcPerson(Map.of("staff_number", "T9101", "dept", "NOWHERE"));
    var refused = open(browser(), "/oauth2/authorization/campus");
    assertThat(refused.uri().getPath()).isEqualTo("/login");
    assertThat(refused.body()).contains("还没有您的账号");
  }

  @Test
  void oidcRefusesADisabledAccount() throws Exception {
    staffWithNumber("oidcleft", "T9002");
    Api.as(port, "admin")
        .put(
            "/api/admin/users/oidcleft",
            "{\"name\":\"单点用户\",\"department\":\"CS\",\"staffNumber\":\"T9002\",\"enabled\":false}",
            null);
    nextOidcPerson(Map.of("staff_number", "T9002"));
    var refused = open(browser(), "/oauth2/authorization/campus");
    assertThat(refused.uri().getPath()).isEqualTo("/login");
    assertThat(refused.body()).contains("该账号已被停用");
  }

  @Test
  void casValidatesTheServiceTicketAndSignsTheUserIn() throws Exception {
    expectedService = "http://localhost:" + port + "/login/cas";
    casUser = "depthead";
    HttpClient browser = browser();
    var landed = open(browser, "/login/cas");
    assertThat(landed.statusCode()).isEqualTo(200);
    assertThat(landed.uri().getPath()).isEqualTo("/tasks");
    assertThat(open(browser, "/tasks").body()).contains("待我审批");

    // A ticket is good once: replayed, CAS says no, and so does Qunbei.
    var replay = open(browser(), "/login/cas?ticket=ST-1-cas");
    assertThat(replay.uri().getPath()).isEqualTo("/login");
    assertThat(replay.body()).contains("票据无效或已过期");
    assertThat(open(browser(), "/login/cas?ticket=%3Cscript%3E").body()).contains("票据无效");
  }

  @Test
  void casAsksForTheRequestedPageAndReturnsThere() throws Exception {
    expectedService = "http://localhost:" + port + "/login/cas";
    casUser = "applicant";
    HttpClient browser = browser();
    // Not signed in: the app's own sign-in page first; its CAS button leads back to the page.
    var login = open(browser, "/filings/new");
    assertThat(login.uri().getPath()).isEqualTo("/login");
    var landed = open(browser, "/login/cas");
    assertThat(landed.uri().getPath()).isEqualTo("/filings/new");
  }

  @Test
  void aNoticesLinkOpenedSignedOutLandsOnTheDecisionFormThroughCas() throws Exception {
    expectedService = "http://localhost:" + port + "/login/cas";
    casUser = "depthead";
    long id =
        Api.as(port, "applicant")
            .post("/api/filings", org.qunbei.support.Samples.example().toString())
            .json()
            .path("id")
            .asLong();
    assertThat(Api.as(port, "applicant").post("/api/filings/" + id + "/submit", "").status())
        .isEqualTo(200);
    HttpClient browser = browser();
    // The link a notice or a group robot carries (the browser keeps its "#decide" itself).
    var login = open(browser, "/filings/" + id);
    assertThat(login.uri().getPath()).isEqualTo("/login");
    var landed = open(browser, "/login/cas");
    assertThat(landed.uri().getPath()).isEqualTo("/filings/" + id);
    assertThat(landed.body()).contains("id=\"decide\"");
  }

  private static String param(String rawQuery, String name) {
    for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
