package org.qunbei.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Session fixation and idle time as a browser meets them over real HTTP: the session id a visitor
 * had before signing in is replaced at sign-in and opens nothing afterwards, and the signed-in
 * session expires after 30 idle minutes (the row's own limit in the database).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionRenewalIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  private HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder at(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "text/html");
  }

  private static String sessionCookie(HttpResponse<?> r) {
    return r.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';')))
        .findFirst()
        .orElse(null);
  }

  @Test
  void signingInReplacesTheSessionIdAndTheOldOneOpensNothing() throws Exception {
    var loginPage = send(at("/login").GET());
    String before = sessionCookie(loginPage);
    assertThat(before).as("the sign-in form keeps its CSRF token in a session").isNotNull();
    String csrf = Jsoup.parse(loginPage.body()).select("input[name=_csrf]").val();

    String form =
        "username=applicant&password=demo123&_csrf="
            + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
    var signedIn =
        send(
            at("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + before)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    String after = sessionCookie(signedIn);
    assertThat(after).isNotNull().isNotEqualTo(before);

    var withNew = send(at("/filings/mine").header("Cookie", "JSESSIONID=" + after).GET());
    assertThat(withNew.statusCode()).isEqualTo(200);
    var withOld = send(at("/filings/mine").header("Cookie", "JSESSIONID=" + before).GET());
    assertThat(withOld.statusCode()).isEqualTo(302);
    assertThat(withOld.headers().firstValue("Location").orElse("")).contains("/login");

    assertThat(
            jdbc.queryForList(
                "select MAX_INACTIVE_INTERVAL from SPRING_SESSION where PRINCIPAL_NAME = 'applicant'",
                Integer.class))
        .as("30 minutes idle")
        .containsOnly(1800);
  }
}
