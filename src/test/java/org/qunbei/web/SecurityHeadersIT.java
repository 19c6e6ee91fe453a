package org.qunbei.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the browser is told on every response (a script policy with no inline script, no framing, no
 * sniffing, a referrer policy, no server version), and the one way a browser session can change
 * data through the API: with the page's CSRF token. Tokens and Basic need none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SecurityHeadersIT {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  @Test
  void everyResponseCarriesTheBrowsersRules() {
    for (var reply :
        new Api.Reply[] {
          Api.anonymous(port).get("/login"),
          Api.anonymous(port).get("/api/filings"),
          Api.as(port, "applicant").get("/api/filings"),
          Api.as(port, "applicant").get("/filings/mine"),
          Api.as(port, "applicant").get("/no/such/page")
        }) {
      String csp = reply.header("Content-Security-Policy");
      assertThat(csp).as(reply.response().uri().toString()).contains("script-src 'self'");
      assertThat(csp)
          .contains("frame-ancestors 'none'", "object-src 'none'")
          .doesNotContain("unsafe-eval");
      assertThat(csp.substring(csp.indexOf("script-src"))).startsWith("script-src 'self';");
      assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(reply.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
      assertThat(reply.header("Server")).isNull();
    }
  }

  @Test
  void aWriteThroughTheBrowserSessionNeedsTheCsrfToken() throws Exception {
    var login = mvc.perform(formLogin("/login").user("applicant").password("demo123")).andReturn();
    var session = login.getResponse().getCookie("JSESSIONID");
    var body = Samples.example();
    body.put("groupType", "QQ")
        .put("groupNumber", String.valueOf(800_000_000L + System.nanoTime() % 100_000_000L));

    var forged =
        mvc.perform(
                post("/api/filings")
                    .cookie(session)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body.toString()))
            .andReturn()
            .getResponse();
    assertThat(forged.getStatus()).isEqualTo(403);
    assertThat(forged.getContentAsString(StandardCharsets.UTF_8)).contains("CSRF");

    var withToken =
        mvc.perform(
                post("/api/filings")
                    .cookie(session)
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body.toString()))
            .andReturn()
            .getResponse();
    assertThat(withToken.getStatus()).isEqualTo(201);

    body.put("groupNumber", String.valueOf(900_000_000L + System.nanoTime() % 100_000_000L));
    var byBasic =
        mvc.perform(
                post("/api/filings")
                    .with(httpBasic("applicant", "demo123"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body.toString()))
            .andReturn()
            .getResponse();
    assertThat(byBasic.getStatus()).isEqualTo(201);
  }
}
