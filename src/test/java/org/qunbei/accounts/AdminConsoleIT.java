package org.qunbei.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The system administrator's console through the API: a department and an account made, an initial
 * password that opens nothing but its own change, the policy naming every rule a weak password
 * breaks, a head who must belong to the department, and a disabled account signed out in the middle
 * of its session with its tokens revoked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class AdminConsoleIT {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  Api admin() {
    return Api.as(port, "admin");
  }

  static Api basic(int port, String user, String password) {
    return Api.basic(port, user, password);
  }

  @Test
  void aDepartmentAndAnAccountAreMadeAndTheInitialPasswordMustBeChanged() {
    Api.Reply dept =
        admin()
            .post(
                "/api/admin/departments",
                "{\"code\":\"PHYS\",\"name\":\"物理学院\",\"kind\":\"DEPARTMENT\"}");
    assertThat(dept.status()).as(dept.text()).isEqualTo(201);
    Api.Reply again =
        admin()
            .post(
                "/api/admin/departments",
                "{\"code\":\"PHYS\",\"name\":\"物理学院\",\"kind\":\"DEPARTMENT\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("detail").asString()).contains("PHYS");
    Api.Reply bad =
        admin()
            .post(
                "/api/admin/departments", "{\"code\":\"x\",\"kind\":\"CLUB\",\"head\":\"nobody\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.error("code")).isNotBlank();
    assertThat(bad.error("name")).isEqualTo("请填写部门名称");
    assertThat(bad.error("kind")).contains("WORKING_GROUP");
    assertThat(bad.error("head")).contains("nobody");
    assertThat(
            Api.as(port, "secadmin")
                .post(
                    "/api/admin/departments",
                    "{\"code\":\"CHEM\",\"name\":\"化学\",\"kind\":\"DEPARTMENT\"}")
                .status())
        .isEqualTo(403);

    Api.Reply user =
        admin()
            .post(
                "/api/admin/users",
                "{\"username\":\"wuli\",\"name\":\"吴力\",\"department\":\"PHYS\",\"staffNumber\":\"20261234\"}");
    assertThat(user.status()).as(user.text()).isEqualTo(201);
    String initial = user.json().path("initialPassword").asString();
    assertThat(initial).hasSizeGreaterThanOrEqualTo(8);
    assertThat(
            admin().post("/api/admin/users", "{\"username\":\"wuli\",\"name\":\"又一个\"}").status())
        .isEqualTo(409);
    assertThat(
            admin()
                .post("/api/admin/users", "{\"username\":\"x y\",\"department\":\"NOPE\"}")
                .text())
        .contains("username", "name", "NOPE");

    // A head must be a member; the new account is.
    assertThat(
            admin()
                .put(
                    "/api/admin/departments/PHYS",
                    "{\"name\":\"物理学院\",\"kind\":\"DEPARTMENT\",\"head\":\"depthead\"}",
                    null)
                .error("head"))
        .contains("不是该部门的成员");
    assertThat(
            admin()
                .put(
                    "/api/admin/departments/PHYS",
                    "{\"name\":\"物理学院\",\"kind\":\"DEPARTMENT\",\"head\":\"wuli\",\"leader\":\"leader\"}",
                    null)
                .status())
        .isEqualTo(200);
    assertThat(
            Api.as(port, "secadmin")
                .put("/api/admin/users/wuli/roles", "{\"roles\":[\"APPLICANT\"]}", null)
                .status())
        .isEqualTo(200);

    Api first = basic(port, "wuli", initial);
    Api.Reply blocked = first.get("/api/filings");
    assertThat(blocked.status()).isEqualTo(403);
    assertThat(blocked.json().path("detail").asString()).contains("请先修改初始密码");
    Api.Reply weak = first.post("/api/me/password", "{\"current\":\"wrong\",\"new\":\"wuli1\"}");
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.error("current")).isEqualTo("当前密码不正确");
    assertThat(weak.text()).contains("至少需要8位", "至少三种", "不能包含用户名");
    assertThat(
            first
                .post(
                    "/api/me/password",
                    "{\"current\":\"" + initial + "\",\"new\":\"Physics#2026\"}")
                .status())
        .isEqualTo(204);
    assertThat(basic(port, "wuli", initial).get("/api/filings").status()).isEqualTo(401);
    assertThat(basic(port, "wuli", "Physics#2026").get("/api/filings").status()).isEqualTo(200);
    assertThat(admin().get("/api/admin/users").text()).contains("\"wuli\"", "20261234");
    // API.md's shape of a department: code, name, kind, head, leader.
    var phys = new java.util.ArrayList<tools.jackson.databind.JsonNode>();
    admin()
        .get("/api/admin/departments")
        .json()
        .forEach(
            d -> {
              if (d.path("code").asString().equals("PHYS")) {
                phys.add(d);
              }
            });
    assertThat(phys).hasSize(1);
    assertThat(phys.get(0).path("head").asString()).isEqualTo("wuli");
    assertThat(phys.get(0).path("leader").asString()).isEqualTo("leader");
    assertThat(phys.get(0).path("kind").asString()).isEqualTo("DEPARTMENT");
  }

  @Test
  void aDisabledAccountIsSignedOutMidSessionAndItsTokensEnd() throws Exception {
    String initial =
        admin()
            .post(
                "/api/admin/users",
                "{\"username\":\"leaver\",\"name\":\"将离校\",\"department\":\"CS\"}")
            .json()
            .path("initialPassword")
            .asString();
    Api.as(port, "secadmin")
        .put("/api/admin/users/leaver/roles", "{\"roles\":[\"APPLICANT\"]}", null);
    basic(port, "leaver", initial)
        .post("/api/me/password", "{\"current\":\"" + initial + "\",\"new\":\"Leaving#2026\"}");
    String token =
        basic(port, "leaver", "Leaving#2026")
            .post("/api/me/tokens", "{\"name\":\"脚本\",\"days\":\"30\"}")
            .json()
            .path("token")
            .asString();
    assertThat(Api.bearer(port, token).get("/api/filings").status()).isEqualTo(200);

    var login =
        mvc.perform(formLogin("/login").user("leaver").password("Leaving#2026")).andReturn();
    jakarta.servlet.http.Cookie session = login.getResponse().getCookie("JSESSIONID");
    assertThat(
            mvc.perform(get("/filings/mine").cookie(session)).andReturn().getResponse().getStatus())
        .isEqualTo(200);

    assertThat(
            admin()
                .put(
                    "/api/admin/users/leaver",
                    "{\"name\":\"将离校\",\"department\":\"CS\",\"enabled\":false}",
                    null)
                .status())
        .isEqualTo(200);
    // Its sessions were ended with it: the browser is sent to sign in again.
    var after =
        mvc.perform(get("/filings/mine").accept("text/html").cookie(session))
            .andReturn()
            .getResponse();
    assertThat(after.getRedirectedUrl()).endsWith("/login");
    // Signing in again, the person is told the account is disabled, not that the password is wrong.
    var again =
        mvc.perform(formLogin("/login").user("leaver").password("Leaving#2026")).andReturn();
    assertThat(again.getResponse().getRedirectedUrl()).endsWith("/login?disabled");
    // A guesser with a wrong password learns nothing of the account's state: just "wrong".
    var guessed =
        mvc.perform(formLogin("/login").user("leaver").password("Guessing#2026")).andReturn();
    assertThat(guessed.getResponse().getRedirectedUrl()).contains("/login?error=");
    assertThat(Api.bearer(port, token).get("/api/filings").status()).isEqualTo(401);
    assertThat(basic(port, "leaver", "Leaving#2026").get("/api/filings").status()).isEqualTo(401);
    assertThat(
            admin()
                .put("/api/admin/users/admin", "{\"name\":\"系统管理员\",\"enabled\":false}", null)
                .status())
        .isEqualTo(403);
  }

  @Test
  void theSystemAdministratorEndsSomeonesSessionsAndTheyAreKeptInTheDatabase() throws Exception {
    var login = mvc.perform(formLogin("/login").user("applicant2").password("demo123")).andReturn();
    jakarta.servlet.http.Cookie session = login.getResponse().getCookie("JSESSIONID");
    assertThat(status(session)).isEqualTo(200);
    // The session is a row of the database, which every node reads: not this JVM's memory.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from SPRING_SESSION where PRINCIPAL_NAME = 'applicant2'",
                Integer.class))
        .isGreaterThanOrEqualTo(1);
    assertThat(page(as("admin", get("/admin/users/applicant2")))).contains("已登录的会话：");
    // An anonymous API call makes no session (each would be a row of the database).
    int sessions = jdbc.queryForObject("select count(*) from SPRING_SESSION", Integer.class);
    Api.Reply anonymous = Api.anonymous(port).get("/api/filings");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("Set-Cookie")).isNull();
    assertThat(jdbc.queryForObject("select count(*) from SPRING_SESSION", Integer.class))
        .isEqualTo(sessions);
    Api.Reply ended = admin().post("/api/admin/users/applicant2/sessions/end", "");
    assertThat(ended.status()).as(ended.text()).isEqualTo(200);
    assertThat(ended.json().path("ended").asInt()).isGreaterThanOrEqualTo(1);
    var after =
        mvc.perform(get("/filings/mine").accept("text/html").cookie(session))
            .andReturn()
            .getResponse();
    assertThat(after.getRedirectedUrl()).endsWith("/login");
    assertThat(
            Api.as(port, "secadmin").post("/api/admin/users/applicant2/sessions/end", "").status())
        .isEqualTo(403);
  }

  @Test
  void anAccountsPageListsTheWorkWaitingOnItToHandOn() throws Exception {
    var body = org.qunbei.support.Samples.example();
    String number = String.valueOf(700_000_000L + System.nanoTime() % 100_000_000L);
    body.put("groupType", "QQ").put("groupNumber", number).put("groupName", "移交测试群" + number);
    long id =
        Api.as(port, "applicant").post("/api/filings", body.toString()).json().path("id").asLong();
    assertThat(Api.as(port, "applicant").post("/api/filings/" + id + "/submit", "").status())
        .isEqualTo(200);

    Api.Reply work = admin().get("/api/admin/users/depthead/open-work");
    assertThat(work.status()).as(work.text()).isEqualTo(200);
    assertThat(work.json().path("heads").toString()).contains("CS");
    assertThat(work.json().path("tasks").findValuesAsString("stepLabel")).contains("所属部门意见");
    assertThat(work.json().path("tasks").findValues("filingId").stream().map(n -> n.asLong()))
        .contains(id);
    assertThat(page(as("admin", get("/admin/users/depthead"))))
        .contains("仍在该账号名下的工作", "CS 的部门负责人", "所属部门意见");
    assertThat(Api.as(port, "applicant").get("/api/admin/users/depthead/open-work").status())
        .isEqualTo(403);
  }

  private int status(jakarta.servlet.http.Cookie session) throws Exception {
    return mvc.perform(get("/filings/mine").cookie(session)).andReturn().getResponse().getStatus();
  }

  String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r)
      throws Exception {
    return mvc.perform(
            r.with(
                org.springframework.security.test.web.servlet.request
                    .SecurityMockMvcRequestPostProcessors.csrf()))
        .andReturn()
        .getResponse()
        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }

  static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder as(
      String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r) {
    return r.with(
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .httpBasic(user, "demo123"));
  }

  @Test
  void aRefusedConsoleFormNamesEachProblemAndKeepsWhatWasTyped() throws Exception {
    var post =
        (java.util.function.Function<
                String, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder>)
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders::post;
    var taken =
        org.jsoup.Jsoup.parse(
            page(
                as("admin", post.apply("/admin/users"))
                    .param("username", "applicant")
                    .param("name", "新来的人")));
    assertThat(taken.select("#errors li").eachText()).containsExactly("用户名“applicant”已被使用");
    assertThat(taken.select("#name").val()).isEqualTo("新来的人");

    var edited =
        org.jsoup.Jsoup.parse(
            page(
                as("admin", post.apply("/admin/users/applicant2"))
                    .param("name", "")
                    .param("department", "NOPE")
                    .param("staffNumber", "20269999")));
    assertThat(edited.select("#errors li").eachText()).containsExactly("请填写姓名", "没有代码为“NOPE”的部门");
    assertThat(edited.select("#staffNumber").val()).isEqualTo("20269999");

    var roles =
        org.jsoup.Jsoup.parse(
            page(
                as("secadmin", post.apply("/admin/users/applicant2/roles"))
                    .param("role", "SYSTEM_ADMIN", "DEPARTMENT_HEAD")
                    .param("reason", "试一试")));
    assertThat(roles.select("#errors li").text()).contains("不能同时担任审批角色");
    assertThat(roles.select("#role-SYSTEM_ADMIN").hasAttr("checked")).isTrue();
    assertThat(roles.select("#role-APPLICANT").hasAttr("checked")).isFalse();
    assertThat(roles.select("#reason").val()).isEqualTo("试一试");

    var dept =
        org.jsoup.Jsoup.parse(
            page(
                as("admin", post.apply("/admin/departments"))
                    .param("code", "CS")
                    .param("name", "重复的学院")
                    .param("kind", "DEPARTMENT")));
    assertThat(dept.select("#errors li").eachText()).containsExactly("部门代码“CS”已被使用");
    assertThat(dept.select("#name").val()).isEqualTo("重复的学院");
  }
}
