package org.qunbei.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The mlps preset as a person lives it: none of the last five passwords again, a password older
 * than 90 days opens nothing but its change, a reset is a one-time password; and a role granted
 * while someone is signed in counts from their next click, not their next sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class PasswordLifecycleIT {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  /** A new applicant of CS who has chosen their own first password. */
  private String person(String username, String password) {
    String initial =
        Api.as(port, "admin")
            .post(
                "/api/admin/users",
                "{\"username\":\"" + username + "\",\"name\":\"测试\",\"department\":\"CS\"}")
            .json()
            .path("initialPassword")
            .asString();
    Api.as(port, "secadmin")
        .put("/api/admin/users/" + username + "/roles", "{\"roles\":[\"APPLICANT\"]}", null);
    change(username, initial, password, 204);
    return password;
  }

  private Api.Reply change(String username, String current, String next, int expected) {
    Api.Reply r =
        Api.basic(port, username, current)
            .post("/api/me/password", "{\"current\":\"" + current + "\",\"new\":\"" + next + "\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(expected);
    return r;
  }

  @Test
  void noneOfTheLastFivePasswordsMayBeChosenAgain() {
    String p0 = person("rotator", "Rotate#2026a");
    String current = p0;
    for (String next :
        new String[] {"Rotate#2026b", "Rotate#2026c", "Rotate#2026d", "Rotate#2026e"}) {
      change("rotator", current, next, 204);
      current = next;
    }
    // Five of one's own now: a, b, c, d and the current e. Each of them is refused, by name.
    Api.Reply same = change("rotator", current, current, 400);
    assertThat(same.error("new")).contains("不能与当前密码相同");
    Api.Reply first = change("rotator", current, p0, 400);
    assertThat(first.error("new")).isEqualTo("新密码不能与最近5次使用过的密码相同");
    change("rotator", current, "Rotate#2026c", 400);
    // A sixth change pushes the first out of the history: it may come back.
    change("rotator", current, "Rotate#2026f", 204);
    change("rotator", "Rotate#2026f", p0, 204);

    // A reset is one time only, and the person's own earlier ones stay remembered through it.
    String reset =
        Api.as(port, "admin")
            .post("/api/admin/users/rotator/password-reset", "{}")
            .json()
            .path("initialPassword")
            .asString();
    assertThat(
            Api.basic(port, "rotator", reset).get("/api/filings").json().path("detail").asString())
        .contains("请先修改初始密码");
    change("rotator", reset, p0, 400);
    change("rotator", reset, "Rotate#2026g", 204);
  }

  @Test
  void aPasswordOlderThanNinetyDaysOpensNothingButItsChange() throws Exception {
    String password = person("ageing", "Ripe#Fruit26a");
    assertThat(Api.basic(port, "ageing", password).get("/api/filings").status()).isEqualTo(200);
    jdbc.update(
        "update app_user set password_changed_at = ? where username = 'ageing'",
        java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(91))));

    Api.Reply api = Api.basic(port, "ageing", password).get("/api/filings");
    assertThat(api.status()).isEqualTo(403);
    assertThat(api.json().path("detail").asString()).contains("密码已过期");
    var login = mvc.perform(formLogin("/login").user("ageing").password(password)).andReturn();
    jakarta.servlet.http.Cookie session = login.getResponse().getCookie("JSESSIONID");
    var mine = mvc.perform(get("/filings/mine").cookie(session)).andReturn().getResponse();
    assertThat(mine.getRedirectedUrl()).endsWith("/account/password");
    String page =
        mvc.perform(get("/account/password").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("已超过90天未修改", "不能与最近5次的密码相同");

    change("ageing", password, "Ripe#Fruit26b", 204);
    assertThat(
            mvc.perform(get("/filings/mine").cookie(session)).andReturn().getResponse().getStatus())
        .isEqualTo(200);
  }

  @Test
  void aRoleGrantedOrTakenCountsFromTheNextClick() throws Exception {
    String password = person("growing", "Tall#Tree2026");
    var login = mvc.perform(formLogin("/login").user("growing").password(password)).andReturn();
    jakarta.servlet.http.Cookie session = login.getResponse().getCookie("JSESSIONID");
    assertThat(home(session)).endsWith("/filings/mine");

    // Moved to the confidentiality office while signed in: the same session lands on 待我审批 and
    // holds the office's queue at once.
    Api.as(port, "secadmin")
        .put("/api/admin/users/growing/roles", "{\"roles\":[\"CONFIDENTIALITY_OFFICE\"]}", null);
    assertThat(home(session)).endsWith("/tasks");
    String tasks =
        mvc.perform(get("/tasks").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(tasks).contains("待我审批");

    Api.as(port, "secadmin")
        .put("/api/admin/users/growing/roles", "{\"roles\":[\"APPLICANT\"]}", null);
    assertThat(home(session)).endsWith("/filings/mine");
  }

  private String home(jakarta.servlet.http.Cookie session) throws Exception {
    return mvc.perform(get("/").cookie(session)).andReturn().getResponse().getRedirectedUrl();
  }
}
