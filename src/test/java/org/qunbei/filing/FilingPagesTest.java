package org.qunbei.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The filing pages through the whole stack (security, binding, templates) on H2. */
@SpringBootTest
@AutoConfigureMockMvc
class FilingPagesTest {

  @Autowired MockMvc mvc;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder r, String user) {
    return r.with(httpBasic(user, "demo123")).with(csrf());
  }

  @Test
  void aRejectedFormKeepsEverythingTypedAndNamesEachField() throws Exception {
    var result =
        mvc.perform(
                as(post("/filings"), "applicant")
                    .param("groupName", "<b>实验室群</b>")
                    .param("createdOn", "2026-02-30")
                    .param("memberCount", "八十")
                    .param("team[0].role", "OWNER")
                    .param("team[0].name", "王建国")
                    .param("team[0].mobile", "1380101")
                    .param("rules.publishingScope", "可发布：通知")
                    .param("composition", "INTERNAL")
                    .param("action", "save"))
            .andExpect(status().isOk())
            .andReturn();
    String html = result.getResponse().getContentAsString();
    assertThat(html).contains("创建时间不是有效日期", "当前群成员人数必须是整数", "手机号码格式不正确");
    // What was typed comes back, escaped, including what did not parse.
    assertThat(html)
        .contains(
            "value=\"&lt;b&gt;实验室群&lt;/b&gt;\"",
            "value=\"2026-02-30\"",
            "value=\"八十\"",
            "value=\"1380101\"",
            ">可发布：通知</textarea>",
            "value=\"王建国\"");
    assertThat(html).doesNotContain("<b>实验室群</b>");
    assertThat(html).containsPattern("id=\"composition-INTERNAL\"[^>]*checked");
  }

  @Test
  void theNewFormMarksRequiredFieldsAndShowsTheFillDateAndSectionSixBeforeSubmitting()
      throws Exception {
    String html =
        mvc.perform(as(get("/filings/new"), "applicant"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("带 * 的为提交时必填项", "填表日期", "提交时自动填写", "六、备注")
        .contains("本备案表一式两份，申请部门与学校主管部门各留存一份，具有同等效力。")
        .contains("备案信息需真实准确，如有隐瞒或虚假填报，将追究相关部门及责任人责任。")
        .contains("4.若工作群名称、管理团队、群功能等关键信息发生变更");
    assertThat(html)
        .containsPattern("class=\"[^\"]*required[^\"]*\" for=\"groupName\"")
        .containsPattern("class=\"[^\"]*required[^\"]*\" for=\"incidentResponse\"")
        .doesNotContainPattern("class=\"[^\"]*required[^\"]*\" for=\"groupNumber\"")
        .containsPattern("id=\"groupName\" aria-required=\"true\"")
        .containsPattern("id=\"incidentResponse\" aria-required=\"true\"");
  }

  @Test
  void submittingAnIncompleteFormKeepsTheSavedDraftAndShowsWhatIsMissing() throws Exception {
    var html =
        mvc.perform(
                as(post("/filings"), "applicant")
                    .param("groupName", "只填了名字的群")
                    .param("action", "submit"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("草稿已保存", "请选择群类型", "必须填写群主/主要负责人", "须阅读并接受备案承诺");
    assertThat(html).containsPattern("action=\"/filings/\\d+\"");
  }

  @Test
  void savingADraftRedirectsToItsEditPage() throws Exception {
    mvc.perform(as(post("/filings"), "applicant").param("groupName", "草稿群").param("action", "save"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("/filings/*/edit"))
        .andExpect(flash().attribute("notice", "草稿已保存"));
  }

  @Test
  void typedTextIsKeptAsTheRulesCheckItWithoutSpacesOrInvisibleCharacters() throws Exception {
    var saved =
        mvc.perform(
                as(post("/filings"), "applicant")
                    .param("groupName", "  有空格\u0000的群\u0007  ")
                    .param("action", "save"))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    String edit = saved.getResponse().getRedirectedUrl();
    long id = Long.parseLong(edit.replaceAll("\\D+", " ").strip().split(" ")[0]);
    assertThat(jdbc.queryForObject("select group_name from filing where id = ?", String.class, id))
        .isEqualTo("有空格的群");
  }

  @Test
  void pagesNeedALoginAndAToken() throws Exception {
    mvc.perform(get("/filings/new").accept(org.springframework.http.MediaType.TEXT_HTML))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login"));
    mvc.perform(post("/filings").with(httpBasic("applicant", "demo123")).param("groupName", "x"))
        .andExpect(status().isForbidden());
  }

  @Test
  void anotherDepartmentsFilingIs404AndTheRegistryIsScoped() throws Exception {
    String location =
        mvc.perform(
                as(post("/filings"), "applicant")
                    .param("groupName", "计算机学院内部群")
                    .param("action", "save"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String view = location.replace("/edit", "");
    mvc.perform(as(get(view), "applicant2")).andExpect(status().isNotFound());
    mvc.perform(as(get(location), "applicant2")).andExpect(status().isNotFound());
    assertThat(
            mvc.perform(as(get("/filings/mine"), "applicant2"))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain("计算机学院内部群");
    assertThat(
            mvc.perform(as(get(view), "applicant")).andReturn().getResponse().getContentAsString())
        .contains("计算机学院内部群", "工作群（QQ群/微信群等）备案表");
  }

  @Test
  void aBadQrUploadSaysWhyAndKeepsTheDraft() throws Exception {
    String location =
        mvc.perform(
                as(post("/filings"), "applicant")
                    .param("groupName", "带二维码的群")
                    .param("action", "save"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String upload = location.replace("/edit", "/qr-code");
    mvc.perform(
            multipart(upload)
                .file(
                    new MockMultipartFile("file", "qr.png", "image/png", "not an image".getBytes()))
                .with(httpBasic("applicant", "demo123"))
                .with(csrf()))
        .andExpect(status().isBadRequest())
        .andExpect(model().attribute("qrError", "群二维码：上传的文件不是有效的PNG或JPEG图片"))
        .andExpect(content().string(containsString("带二维码的群")));
    mvc.perform(
            multipart(upload)
                .file(
                    new MockMultipartFile(
                        "file",
                        "qr.png",
                        "image/png",
                        org.qunbei.support.Samples.qrPng("group-42")))
                .with(httpBasic("applicant", "demo123"))
                .with(csrf()))
        .andExpect(flash().attribute("notice", "已上传群二维码，识别内容：group-42"));
    assertThat(
            mvc.perform(as(get(location), "applicant"))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("group-42");
  }

  @Test
  void logoutEndsTheSession() throws Exception {
    mvc.perform(
            post("/logout")
                .accept(org.springframework.http.MediaType.TEXT_HTML)
                .with(httpBasic("applicant", "demo123"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login?logout"));
  }

  @Test
  void aBadRegistryQueryIsA400PageNotAServerError() throws Exception {
    assertThat(refusedRegistryPage("/registry?sort=password")).contains("排序字段“password”不受支持");
  }

  /**
   * A pager link whose cursor was altered by hand is refused with a message, not a server error.
   */
  @Test
  void anAlteredPagerCursorIsA400PageThatSaysSo() throws Exception {
    assertThat(refusedRegistryPage("/registry?page=1&size=2&after=xyz"))
        .contains("翻页位置（after）无效：请回到第一页重新翻页");
  }

  /** The registry's page for the cyberspace office at {@code url}, which must answer 400. */
  private String refusedRegistryPage(String url) throws Exception {
    return mvc.perform(as(get(url), "cyberoffice"))
        .andExpect(status().isBadRequest())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
