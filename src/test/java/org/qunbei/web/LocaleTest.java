package org.qunbei.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Chinese first, English on request: by the browser's language, the switch, or the API header. */
@SpringBootTest
@AutoConfigureMockMvc
class LocaleTest {

  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  String page(MvcResult r) throws Exception {
    return r.getResponse().getContentAsString();
  }

  @Test
  void theLoginPageReadsInTheBrowsersLanguageAndChineseForAnyOther() throws Exception {
    String english =
        page(mvc.perform(get("/login").header("Accept-Language", "en-GB,en;q=0.8")).andReturn());
    assertThat(english)
        .contains("lang=\"en\"", "Sign in", "Username", "Password")
        .doesNotContain("用户名");
    String chinese = page(mvc.perform(get("/login")).andReturn());
    assertThat(chinese).contains("lang=\"zh-CN\"", "登录", "用户名");
    String french = page(mvc.perform(get("/login").header("Accept-Language", "fr-FR")).andReturn());
    assertThat(french).contains("用户名").doesNotContain("Username");
  }

  @Test
  void theSwitchIsRememberedAndTheMenuMarksTheCurrentPage() throws Exception {
    MvcResult switched =
        mvc.perform(
                get("/filings/mine").param("lang", "en").with(httpBasic("applicant", "demo123")))
            .andReturn();
    assertThat(switched.getResponse().getHeaders("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("qunbei-lang=en").contains("Max-Age="));
    Cookie remembered = new Cookie("qunbei-lang", "en");
    assertThat(page(switched)).contains("Our filings", "Sign out");
    String again =
        page(
            mvc.perform(
                    get("/filings/mine")
                        .cookie(remembered)
                        .header("Accept-Language", "zh-CN")
                        .with(httpBasic("applicant", "demo123")))
                .andReturn());
    assertThat(again).contains("Our filings");
    assertThat(again).containsPattern("href=\"/filings/mine\"[^>]*aria-current=\"page\"");
    String unknown =
        page(
            mvc.perform(
                    get("/filings/mine")
                        .cookie(new Cookie("qunbei-lang", "fr"))
                        .with(httpBasic("applicant", "demo123")))
                .andReturn());
    assertThat(unknown).contains("本部门备案");
  }

  @Test
  void theSwitchKeepsTheFiltersAndAFormSentBackWithErrorsSwitchesOnThePageItCameFrom()
      throws Exception {
    String registry =
        page(
            mvc.perform(
                    get("/registry")
                        .queryParam("q", "毕业")
                        .queryParam("lang", "zh-CN")
                        .with(httpBasic("cyberoffice", "demo123")))
                .andReturn());
    assertThat(registry)
        .containsPattern("href=\"/registry\\?q=[^\"]*&amp;lang=en\"")
        .doesNotContain("lang=zh-CN&amp;lang=en");
    // A form sent back with its errors was rendered for a POST: the switch goes to the page the
    // form was on, never to the POST's address (which has no page to GET).
    String rejected =
        page(
            mvc.perform(
                    post("/filings")
                        .param("memberCount", "八十")
                        .param("action", "save")
                        .header("Referer", "http://localhost/filings/new")
                        .with(httpBasic("applicant", "demo123"))
                        .with(
                            org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn());
    assertThat(rejected).contains("href=\"/filings/new?lang=en\"");
  }

  @Test
  void anApiProblemSpeaksTheCallersLanguageAndNamesTheField() throws Exception {
    String english =
        mvc.perform(
                post("/api/filings/999999/submit")
                    .header("Accept-Language", "en")
                    .with(httpBasic("applicant", "demo123")))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(english).contains("Not found");
    String chinese =
        mvc.perform(post("/api/filings/999999/submit").with(httpBasic("applicant", "demo123")))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(chinese).contains("未找到");
    // Refusals made before Spring MVC (security filters) speak it too.
    String refused =
        mvc.perform(get("/api/filings").header("Accept-Language", "en"))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(refused).contains("Not signed in");
    String bad =
        mvc.perform(
                get("/api/filings")
                    .header("Accept-Language", "en")
                    .header("Authorization", "Bearer qb_nonsense"))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(bad).contains("The access token is invalid");
  }
}
