package org.qunbei.documents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qunbei.accounts.Directory;
import org.qunbei.approval.Inbox;
import org.qunbei.documents.DigestSection;
import org.qunbei.documents.PrintDigest;
import org.qunbei.documents.PrintDigests;
import org.qunbei.documents.Verifications;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingContent;
import org.qunbei.filing.FilingService;
import org.qunbei.filing.PaperFiling;
import org.qunbei.notify.NoticeBoard;
import org.qunbei.system.Messages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public verification page alone (a web slice, no database): what a stranger holding a printout
 * sees, in Chinese and in English, and that a forged code says so without a 500.
 */
@WebMvcTest(controllers = VerifyPage.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({Messages.class, org.qunbei.shared.Badges.class})
class VerifyPageTest {

  @Autowired MockMvc mvc;
  @MockitoBean Verifications verifications;
  @MockitoBean FilingService filings;
  @MockitoBean Directory directory;
  @MockitoBean NoticeBoard notices;
  @MockitoBean Inbox inbox;
  @MockitoBean org.qunbei.approval.Copies copies;
  @MockitoBean PrintDigests digests;

  static final PrintDigest CURRENT =
      new PrintDigest(
          "0123456789ABCDEF",
          java.util.Map.of(
              DigestSection.BASIC, "11111111",
              DigestSection.TEAM, "22222222",
              DigestSection.RULES, "33333333",
              DigestSection.COMMITMENT, "44444444",
              DigestSection.APPROVAL, "55555555"));

  Filing filed() {
    FilingContent content =
        new FilingContent.Editor()
            .build()
            .edit(
                e -> {
                  e.departmentCode = "CS";
                  e.groupName = "计算机学院毕业设计工作群";
                });
    return Filing.fromPaper(
        new PaperFiling("QB-2026-00042", LocalDate.of(2026, 9, 1), content), "x", Instant.now());
  }

  @Test
  void aGenuineCodeShowsNumberGroupDepartmentAndStatusAndNothingPersonal() throws Exception {
    when(verifications.filingOf("ABCDEFGHJK")).thenReturn(Optional.of(7L));
    when(filings.forVerification(7L)).thenReturn(Optional.of(filed()));
    when(directory.nameOf("CS")).thenReturn("计算机学院");
    when(digests.of(org.mockito.ArgumentMatchers.any())).thenReturn(CURRENT);
    String chinese =
        mvc.perform(get("/verify/ABCDEFGHJK"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(chinese).contains("QB-2026-00042", "计算机学院毕业设计工作群", "计算机学院", "已备案");
    String english =
        mvc.perform(get("/verify/ABCDEFGHJK").header("Accept-Language", "en"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(english).contains("This form was issued by Qunbei", "Filed", "2026-09-01");
  }

  @Test
  void aForgedCodeSaysItDoesNotExistAndAnEmptyOneAsksForIt() throws Exception {
    when(verifications.filingOf(anyString())).thenReturn(Optional.empty());
    String page =
        mvc.perform(get("/verify/ZZZZ-ZZZZ-ZZ"))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("验证码 ZZZZ-ZZZZ-ZZ 不存在");
    mvc.perform(get("/verify").param("code", " abcd ")).andExpect(redirectedUrl("/verify/abcd"));
  }

  @Test
  void digestsFromTheLinkOrTypedAreComparedAndTheSectionsThatDifferNamed() throws Exception {
    when(verifications.filingOf("ABCDEFGHJK")).thenReturn(Optional.of(7L));
    when(filings.forVerification(7L)).thenReturn(Optional.of(filed()));
    when(directory.nameOf("CS")).thenReturn("计算机学院");
    when(digests.of(org.mockito.ArgumentMatchers.any())).thenReturn(CURRENT);
    String same =
        mvc.perform(get("/verify/ABCDEFGHJK").param("d", "0123456789abcdef"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(same).contains("与系统记录一致", "0123-4567-89AB-CDEF").doesNotContain("不一致：");
    String differs =
        mvc.perform(
                get("/verify/ABCDEFGHJK")
                    .param("d", "0123-4567-89AB-CDEE")
                    .param("basic", "1111-1111")
                    .param("team", "2222-2223")
                    .param("approval", "5555 5556"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(differs).contains("不一致：本打印件不是当前版本或内容已被改动", "不一致的部分：二 管理团队、五 审批");
    String english =
        mvc.perform(
                get("/verify/ABCDEFGHJK")
                    .param("d", "0123-4567-89AB-CDEE")
                    .param("rules", "33333334")
                    .header("Accept-Language", "en"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(english).contains("Does not match", "Sections that differ: III Operating rules");
    String malformed =
        mvc.perform(get("/verify/ABCDEFGHJK").param("d", "xyz").param("team", "12"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(malformed).contains("打印件摘要格式不正确", "二 管理团队的摘要格式不正确");
  }
}
