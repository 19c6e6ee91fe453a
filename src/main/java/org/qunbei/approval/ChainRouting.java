package org.qunbei.approval;

import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.filing.Filing;
import org.qunbei.filing.ReviewRecord;
import org.qunbei.filing.ReviewRouting;
import org.qunbei.filing.ReviewStepInfo;
import org.springframework.stereotype.Component;

/** The approval chain as the filing module sees it. */
@Component
class ChainRouting implements ReviewRouting {

  private final ApprovalChain chain;
  private final ApprovalService service;
  private final Decisions decisions;
  private final Timelines timelines;
  private final Copies copies;
  private final OpinionBook opinions;
  private final DecisionRecords records;

  ChainRouting(
      ApprovalChain chain,
      ApprovalService service,
      Decisions decisions,
      Timelines timelines,
      Copies copies,
      OpinionBook opinions,
      DecisionRecords records) {
    this.chain = chain;
    this.service = service;
    this.decisions = decisions;
    this.timelines = timelines;
    this.copies = copies;
    this.opinions = opinions;
    this.records = records;
  }

  @Override
  public org.qunbei.filing.Timeline timelineOf(Filing filing) {
    return timelines.of(filing);
  }

  @Override
  public String firstStep(Filing filing) {
    return chain.first().code();
  }

  @Override
  public String firstDissolutionStep() {
    return chain.firstOfDissolution().code();
  }

  @Override
  public List<ReviewStepInfo> steps() {
    return chain.steps().stream()
        .map(s -> new ReviewStepInfo(s.code(), s.label(), s.stamped()))
        .toList();
  }

  @Override
  public List<ReviewRecord> recordOf(Filing filing) {
    return decisions.findByFilingIdOrderByIdAsc(filing.id()).stream()
        .map(Decision::record)
        .toList();
  }

  @Override
  public java.util.Map<Long, List<ReviewRecord>> recordsOf(java.util.Collection<Long> filingIds) {
    return records.of(filingIds);
  }

  @Override
  public boolean involves(CurrentUser user, Filing filing) {
    return service.involves(user, filing);
  }

  @Override
  public boolean mayDecide(CurrentUser user, Filing filing) {
    return service.mayDecide(user, filing);
  }

  @Override
  public List<org.qunbei.accounts.Contact> handOverCandidates(CurrentUser user, Filing filing) {
    return service.mayDecide(user, filing) ? service.colleagues(user, filing) : List.of();
  }

  /** The one place a copy (抄送) lets its reader in: pages, printouts and API all ask here. */
  @Override
  public boolean mayRead(CurrentUser user, Filing filing) {
    return service.involves(user, filing) || copies.reads(user, filing);
  }

  @Override
  public void opened(CurrentUser user, Filing filing) {
    copies.opened(user, filing.id());
  }

  @Override
  public org.qunbei.filing.CopyCard copyCard(CurrentUser user, Filing filing) {
    return copies.card(user, filing);
  }

  @Override
  public List<String> stockOpinions(CurrentUser user, Filing filing) {
    return opinions.chips(user, filing);
  }
}
