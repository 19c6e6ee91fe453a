package org.qunbei.documents;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Directory;
import org.qunbei.approval.SealImage;
import org.qunbei.approval.Seals;
import org.qunbei.filing.CommitmentAcceptance;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingContent;
import org.qunbei.filing.FilingService;
import org.qunbei.filing.ReviewRecord;
import org.qunbei.filing.ReviewRouting;
import org.qunbei.filing.TeamMember;
import org.qunbei.filing.TeamSlot;
import org.qunbei.system.Messages;
import org.springframework.stereotype.Component;

/** Gathers a filing's {@link PrintView}: what its reader may see, as the paper lays it out. */
@Component
class PrintViews {

  private static final ZoneId SCHOOL = ZoneId.of("Asia/Shanghai");

  private final FilingService filings;
  private final ReviewRouting review;
  private final Directory directory;
  private final Verifications verifications;
  private final Seals seals;
  private final Messages messages;
  private final PrintDigests digests;

  PrintViews(
      FilingService filings,
      ReviewRouting review,
      Directory directory,
      Verifications verifications,
      Seals seals,
      Messages messages,
      PrintDigests digests) {
    this.digests = digests;
    this.filings = filings;
    this.review = review;
    this.directory = directory;
    this.verifications = verifications;
    this.seals = seals;
    this.messages = messages;
  }

  PrintView of(CurrentUser user, long filingId, String baseUrl) {
    Filing f = filings.get(user, filingId);
    // As filed: what the choices made irrelevant is not printed (nor in the digest).
    FilingContent c = filings.contentFor(user, f).normalized();
    List<ReviewRecord> records = review.recordOf(f);
    List<PrintView.ApprovalRow> approvals =
        review.steps().stream()
            .map(
                s -> {
                  ReviewRecord d = ReviewRecord.of(records, s.code(), f.round()).orElse(null);
                  return d == null
                      ? new PrintView.ApprovalRow(s, null, null, null)
                      : new PrintView.ApprovalRow(
                          s, d, image(user, d.signatureImageId()), image(user, d.stampImageId()));
                })
            .toList();
    return new PrintView(
        f,
        c,
        directory.nameOf(f.departmentCode()),
        team(c),
        approvals,
        filings.qrCode(f).map(q -> new PrintView.Image(q.image(), q.contentType())).orElse(null),
        commitment(f, c, approvals),
        VerificationMark.of(f, verifications, () -> digests.of(f, records), baseUrl).orElse(null));
  }

  private List<PrintView.TeamRow> team(FilingContent c) {
    return Arrays.stream(TeamSlot.values())
        .map(
            s ->
                new PrintView.TeamRow(
                    messages.textIn(java.util.Locale.SIMPLIFIED_CHINESE, "TeamSlot." + s.name()),
                    s.memberOf(c.team())))
        .toList();
  }

  private static PrintView.Commitment commitment(
      Filing f, FilingContent c, List<PrintView.ApprovalRow> approvals) {
    TeamMember owner = TeamSlot.OWNER.memberOf(c.team());
    CommitmentAcceptance accepted = f.acceptance();
    PrintView.ApprovalRow department = approvals.isEmpty() ? null : approvals.get(0);
    boolean approved =
        department != null
            && department.decision() != null
            && org.qunbei.approval.DecisionKind.APPROVE
                .name()
                .equals(department.decision().decision());
    return new PrintView.Commitment(
        owner == null ? null : owner.name(),
        accepted == null ? null : accepted.name(),
        accepted == null ? null : accepted.at(),
        approved ? department.stamp() : null,
        approved ? LocalDate.ofInstant(department.decision().decidedAt(), SCHOOL) : null);
  }

  private PrintView.Image image(CurrentUser user, Long id) {
    if (id == null) {
      return null;
    }
    SealImage image = seals.image(user, id);
    return new PrintView.Image(image.image(), image.contentType());
  }
}
