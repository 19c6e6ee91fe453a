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
 * 登录失败处理 as a person and an attacker meet it: each wrong password says how many attempts are left,
 * the fifth locks the account for 30 minutes (even the right password is refused, and no password
 * is checked), an address that keeps failing across accounts is locked too, a lock ends by itself,
 * and every failure and lock is in the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class LockoutIT {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
    // This test's clients are one address that is one attacker.
    registry.add("qunbei.security.lockout.address-failures", () -> "20");
  }

  @org.junit.jupiter.api.BeforeEach
  void noLocks() {
    jdbc.update("delete from sign_in_lock");
  }

  private Api.Reply wrong(String user) {
    return Api.basic(port, user, "not-the-password").get("/api/filings");
  }

  @Test
  void theFifthWrongPasswordLocksTheAccountForThirtyMinutes() throws Exception {
    for (int left = 4; left >= 1; left--) {
      Api.Reply r = wrong("applicant2");
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.json().path("detail").asString()).contains("还可尝试 " + left + " 次", "锁定 30 分钟");
    }
    Api.Reply fifth = wrong("applicant2");
    assertThat(fifth.json().path("detail").asString()).contains("已被锁定", "30 分钟后再试");
    Api.Reply right = Api.as(port, "applicant2").get("/api/filings");
    assertThat(right.status()).isEqualTo(401);
    assertThat(right.json().path("detail").asString()).contains("已被锁定");
    var page =
        mvc.perform(formLogin("/login").user("applicant2").password("demo123"))
            .andReturn()
            .getResponse();
    assertThat(page.getRedirectedUrl()).contains("/login?locked=");
    String shown =
        mvc.perform(get(page.getRedirectedUrl()))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(shown).contains("登录失败次数过多", "分钟后再试");
    // Someone else signs in as ever.
    assertThat(Api.as(port, "applicant").get("/api/filings").status()).isEqualTo(200);
    // The system administrator's reset ends a lock: the one-time password opens the change.
    for (int i = 0; i < 5; i++) {
      wrong("secrecy2");
    }
    assertThat(Api.as(port, "secrecy2").get("/api/filings").status()).isEqualTo(401);
    String reset =
        Api.as(port, "admin")
            .post("/api/admin/users/secrecy2/password-reset", "{}")
            .json()
            .path("initialPassword")
            .asString();
    Api.Reply afterReset = Api.basic(port, "secrecy2", reset).get("/api/filings");
    assertThat(afterReset.status()).isEqualTo(403);
    assertThat(afterReset.json().path("detail").asString()).contains("请先修改初始密码");

    // The lock ends by itself (here: its end moved into the past), and the count starts again.
    jdbc.update(
        "update sign_in_lock set locked_until = ?, window_start = ? where subject = 'u:applicant2'",
        java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)),
        java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600)));
    assertThat(Api.as(port, "applicant2").get("/api/filings").status()).isEqualTo(200);

    String trail = Api.as(port, "auditor").get("/api/audit?actor=applicant2&size=100").text();
    assertThat(trail).contains("SIGN_IN_FAILED", "LOCKED_OUT");
  }

  @Test
  void theLoginPageSaysHowManyAttemptsAreLeftAndAnAddressThatKeepsFailingIsLocked()
      throws Exception {
    var failed =
        mvc.perform(formLogin("/login").user("depthead2").password("wrong"))
            .andReturn()
            .getResponse();
    assertThat(failed.getRedirectedUrl()).endsWith("/login?error=4");
    String page =
        mvc.perform(get("/login?error=4"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("用户名或密码不正确，还可尝试 4 次");
    mvc.perform(formLogin("/login").user("depthead2").password("demo123")).andReturn();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where action = 'SIGN_IN' and actor = 'depthead2'",
                Integer.class))
        .isEqualTo(1);

    // One address trying many accounts (a password spray) is locked as an address: below each
    // account's limit, twenty failures from here lock everyone out from here.
    for (String user :
        new String[] {
          "secrecy", "secrecy2", "partyoffice", "leader", "cyberoffice", "applicant", "depthead"
        }) {
      wrong(user);
      wrong(user);
      wrong(user);
    }
    Api.Reply sprayed = Api.as(port, "auditor").get("/api/audit");
    assertThat(sprayed.status()).isEqualTo(401);
    assertThat(sprayed.json().path("detail").asString()).contains("本机地址已被锁定");
  }
}
