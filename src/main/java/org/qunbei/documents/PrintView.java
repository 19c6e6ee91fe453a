package org.qunbei.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingContent;
import org.qunbei.filing.ReviewRecord;
import org.qunbei.filing.ReviewStepInfo;
import org.qunbei.filing.TeamMember;

/**
 * Everything the printed form shows, gathered once by {@link PrintViews} and read alike by the PDF
 * template and the Word writer, so that the two cannot drift apart.
 *
 * @param team the paper's four fixed rows of section 二, an empty row's member null
 * @param approvals section 五, one row per configured step
 * @param mark the verification mark, null for a draft
 */
public record PrintView(
    Filing filing,
    FilingContent content,
    String departmentName,
    List<TeamRow> team,
    List<ApprovalRow> approvals,
    Image groupQr,
    Commitment commitment,
    VerificationMark mark) {

  /** An image to embed: bytes for Word, a data URI for the PDF template. */
  public record Image(byte[] bytes, String contentType) {
    public String dataUri() {
      return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }
  }

  /** A row of section 二 as the paper labels it: 群主/主要负责人, 群管理员（1）… */
  public record TeamRow(String label, TeamMember member) {}

  /** A row of section 五: the step, its decision in the current round, its signature and stamp. */
  public record ApprovalRow(
      ReviewStepInfo step, ReviewRecord decision, Image signature, Image stamp) {}

  /**
   * Section 四's signature line: the owner is 承诺人; the department's stamp and the date appear once
   * the department's head has approved step 1 (the paper is stamped there, then).
   */
  public record Commitment(
      String owner, String acceptedBy, Instant acceptedAt, Image departmentStamp, LocalDate date) {}
}
