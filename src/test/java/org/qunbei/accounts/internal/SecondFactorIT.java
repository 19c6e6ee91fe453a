package org.qunbei.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
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
 * The security administrator requires a second factor of the system administrator; the system
 * administrator is held to setting it up, then each sign-in asks for the code; a wrong code, or one
 * used before, is refused; Basic credentials no longer open the account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SecondFactorIT {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  private Cookie signIn(String user) throws Exception {
    return mvc.perform(formLogin("/login").user(user).password("demo123"))
        .andReturn()
        .getResponse()
        .getCookie("JSESSIONID");
  }

  private String where(Cookie session, String path) throws Exception {
    var r = mvc.perform(get(path).accept("text/html").cookie(session)).andReturn().getResponse();
    return r.getStatus() == 200 ? "200" : r.getRedirectedUrl();
  }

  private String send(Cookie session, String path, String code) throws Exception {
    var r =
        mvc.perform(post(path).cookie(session).with(csrf()).param("code", code == null ? "" : code))
            .andReturn()
            .getResponse();
    return r.getRedirectedUrl() != null
        ? r.getRedirectedUrl()
        : r.getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void aRequiredSecondFactorIsSetUpThenAskedAtEachSignInAndNeverTakenTwice() throws Exception {
    Api.Reply policy =
        Api.as(port, "secadmin")
            .put("/api/admin/security/second-factor", "{\"roles\":[\"SYSTEM_ADMIN\"]}", null);
    assertThat(policy.status()).as(policy.text()).isEqualTo(200);
    assertThat(
            Api.as(port, "admin")
                .put("/api/admin/security/second-factor", "{\"roles\":[]}", null)
                .status())
        .isEqualTo(403);

    // A role that does not exist is named, not a server error.
    var unknown =
        mvc.perform(
                post("/admin/security")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.httpBasic("secadmin", "demo123"))
                    .with(csrf())
                    .param("role", "NOPE"))
            .andReturn()
            .getResponse();
    assertThat(unknown.getStatus()).isEqualTo(400);
    assertThat(unknown.getContentAsString(StandardCharsets.UTF_8)).contains("没有名为“NOPE”的角色");

    // Basic cannot carry a code.
    Api.Reply basic = Api.as(port, "admin").get("/api/admin/users");
    assertThat(basic.status()).isEqualTo(403);
    assertThat(basic.json().path("detail").asString()).contains("动态口令");

    Cookie first = signIn("admin");
    assertThat(where(first, "/admin/users")).endsWith("/account/two-factor");
    String page = send(first, "/account/two-factor/start", null);
    var m = Pattern.compile("id=\"secret\">([A-Z2-7]+)<").matcher(page);
    assertThat(m.find()).as(page).isTrue();
    String secret = m.group(1);
    assertThat(page).contains("data:image/png;base64,");
    assertThat(send(first, "/account/two-factor/confirm", "000000")).contains("动态口令不正确");
    long now = System.currentTimeMillis() / 1000 / Totp.STEP_SECONDS;
    assertThat(send(first, "/account/two-factor/confirm", Totp.code(secret, now)))
        .endsWith("/account/two-factor");
    assertThat(where(first, "/admin/users")).isEqualTo("200");

    // The next sign-in asks for the code; a wrong one and the one already used are refused.
    Cookie second = signIn("admin");
    assertThat(where(second, "/admin/users")).endsWith("/login/two-factor");
    assertThat(send(second, "/login/two-factor", "123456")).contains("动态口令不正确");
    assertThat(send(second, "/login/two-factor", Totp.code(secret, now))).contains("已使用过");
    String next = Totp.code(secret, now + 1);
    assertThat(send(second, "/login/two-factor", next))
        .isIn("/", "http://localhost/admin/users", "/admin/users");
    assertThat(where(second, "/admin/users")).isEqualTo("200");

    // Seen over a shoulder, the code opens nothing in another session.
    Cookie third = signIn("admin");
    assertThat(send(third, "/login/two-factor", next)).contains("动态口令不正确");
    assertThat(where(third, "/admin/users")).endsWith("/login/two-factor");

    // Required by the role, it cannot be switched off; the trail has the sign-ins.
    assertThat(
            mvc.perform(
                    post("/account/two-factor/off").cookie(second).with(csrf()).param("code", "1"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(Api.as(port, "auditor").get("/api/audit?actor=admin&action=SIGN_IN").text())
        .contains("second factor");
  }
}
