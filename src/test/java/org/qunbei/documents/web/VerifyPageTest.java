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
@Import(Messages.class)
class VerifyPageTest {

  @Autowired MockMvc mvc;
  @MockitoBean Verifications verifications;
  @MockitoBean FilingService filings;
  @MockitoBean Directory directory;
  @MockitoBean NoticeBoard notices;
  @MockitoBean Inbox inbox;

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
}
