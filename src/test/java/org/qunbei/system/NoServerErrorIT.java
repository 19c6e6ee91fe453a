package org.qunbei.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Requests found by probing the running app that answered 500: each is the user's mistake, so each
 * is a 4xx in Chinese that names what is wrong, with no stack trace, SQL or class name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoServerErrorIT {

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  private static void clean(Api.Reply r) {
    assertThat(r.text()).doesNotContain("Exception", "org.", "java.", "select ", "SQL");
  }

  @Test
  void aPageBeyondWhatTheDatabaseCanAddressIsA400NamingThePage() {
    for (String path :
        new String[] {
          "/api/filings?page=2147483647&size=100",
          "/api/tasks?page=2147483647&size=100",
          "/api/audit?page=2147483647&size=100"
        }) {
      String user = path.startsWith("/api/audit") ? "auditor" : "cyberoffice";
      Api.Reply r = Api.as(port, user).get(path);
      assertThat(r.status()).as(path + " " + r.text()).isEqualTo(400);
      assertThat(r.error("page")).as(path).contains("页码无效");
      clean(r);
    }
    for (String path :
        new String[] {"/registry?page=2147483647&size=100", "/tasks?page=2147483647"}) {
      Api.Reply r = Api.as(port, "cyberoffice").get(path);
      assertThat(r.status()).as(path).isEqualTo(400);
      clean(r);
    }
  }

  @Test
  void aTypedVerificationCodeIsTextNotATemplateAndAnUnreadableIdIsNotFound() {
    var anonymous = Api.anonymous(port);
    Api.Reply verify =
        anonymous.send(anonymous.request("/verify?code=%7Bx%7D").header("Accept", "text/html"));
    assertThat(verify.status()).isEqualTo(302);
    assertThat(verify.header("Location")).endsWith("/verify/%7Bx%7D");
    assertThat(Api.as(port, "applicant").get("/filings/abc").status()).isEqualTo(404);
    assertThat(Api.as(port, "applicant").get("/api/filings/abc").status()).isEqualTo(400);
    Api.Reply error = Api.as(port, "applicant").get("/error");
    assertThat(error.status()).isEqualTo(404);
    clean(error);
  }

  @Test
  void aListWhereATokenFieldTakesOneValueIsA400NamingTheField() {
    Api.Reply r =
        Api.as(port, "applicant").post("/api/me/tokens", "{\"name\":\"脚本\",\"days\":[1]}");
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.error("days")).contains("days");
    Api.Reply named = Api.as(port, "applicant").post("/api/me/tokens", "{\"name\":{\"a\":1}}");
    assertThat(named.status()).isEqualTo(400);
    assertThat(named.error("name")).isNotBlank();
  }

  @Test
  void textIsStoredAsCheckedAndWhatNoColumnShouldKeepIsRefusedByField() {
    var applicant = Api.as(port, "applicant");
    var body = org.qunbei.support.Samples.example();
    body.put("groupType", "QQ").put("groupNumber", "31415926").put("groupName", "   两端有空格的群   ");
    Api.Reply made = applicant.post("/api/filings", body.toString());
    assertThat(made.status()).as(made.text()).isEqualTo(201);
    long id = made.json().path("id").asLong();
    assertThat(applicant.get("/api/filings/" + id).json().path("groupName").asString())
        .isEqualTo("两端有空格的群");

    for (String bad : new String[] {"有\\u0000的群", "半个\\ud800字的群", "响铃\\u0007群"}) {
      String json = body.toString().replace("两端有空格的群", bad);
      Api.Reply refused = applicant.post("/api/filings", json);
      assertThat(refused.status()).as(bad + " " + refused.text()).isEqualTo(400);
      assertThat(refused.error("groupName")).contains("无法保存的字符");
    }
  }
}
