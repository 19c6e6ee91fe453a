package org.qunbei.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The badge beside "待我审批" counts the waiting filings up to 99 and says "99+" beyond (here up to 3,
 * so that the test files four, not a hundred): a province's cyberspace office has thousands
 * waiting, and counting them all cost more than the page.
 */
@SpringBootTest(properties = "qunbei.tasks.badge-up-to=3")
@AutoConfigureMockMvc
class TaskBadgeTest {

  private static final Pattern BADGE = Pattern.compile("id=\"task-count\">([^<]*)<");

  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  private String perform(MockHttpServletRequestBuilder r, String user) throws Exception {
    var res =
        mvc.perform(r.with(httpBasic(user, "demo123")).with(csrf())).andReturn().getResponse();
    assertThat(res.getStatus()).as(res.getContentAsString()).isLessThan(300);
    return res.getContentAsString(StandardCharsets.UTF_8);
  }

  private void submitOne() throws Exception {
    var body = Samples.example();
    body.put("departmentCode", "CS");
    String created =
        perform(
            post("/api/filings").contentType(MediaType.APPLICATION_JSON).content(body.toString()),
            "applicant");
    long id = Api.JSON.readTree(created).path("id").asLong();
    perform(post("/api/filings/" + id + "/submit"), "applicant");
  }

  private long waiting() throws Exception {
    return Api.JSON
        .readTree(perform(get("/api/tasks?size=1"), "depthead"))
        .path("totalElements")
        .asLong();
  }

  private String badge() throws Exception {
    Matcher m = BADGE.matcher(perform(get("/registry"), "depthead"));
    return m.find() ? m.group(1) : null;
  }

  @Test
  void theBadgeCountsUpToItsLimitThenSaysMore() throws Exception {
    long waiting = waiting(); // the demo data's, in a database of this test's own
    assertThat(waiting).isLessThan(3);
    assertThat(badge()).isEqualTo(waiting == 0 ? null : Long.toString(waiting));
    while (waiting < 3) {
      submitOne();
      waiting++;
      assertThat(badge()).isEqualTo(Long.toString(waiting));
    }
    submitOne();
    submitOne();
    assertThat(waiting()).isEqualTo(5); // the task list itself still counts them all
    assertThat(badge()).isEqualTo("3+");
  }
}
