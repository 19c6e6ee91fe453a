package org.qunbei.filing;

import java.util.List;
import org.qunbei.accounts.CurrentUser;

/**
 * What the filing module needs to know of the approval chain, implemented by the approval module
 * (which depends on this one, not the other way round).
 */
public interface ReviewRouting {

  /** The step a submitted filing goes to first. */
  String firstStep(Filing filing);

  /** The step a dissolution report goes to first. */
  String firstDissolutionStep();

  /** The steps of the chain, in order, for section 五. */
  List<ReviewStepInfo> steps();

  /** The decisions so far, oldest first, every round. */
  List<ReviewRecord> recordOf(Filing filing);

  /** The decisions of many filings at once, oldest first, every round (for the export). */
  java.util.Map<Long, List<ReviewRecord>> recordsOf(java.util.Collection<Long> filingIds);

  /** Whether the user decides, or has decided, a step of this filing (so may see it). */
  boolean involves(CurrentUser user, Filing filing);

  /** Whether the user may decide the filing's current step now. */
  boolean mayDecide(CurrentUser user, Filing filing);

  /** Who holds the filing now and what happened on its way through review. */
  Timeline timelineOf(Filing filing);

  /** Colleagues the user may hand the current step to (转办), when the user decides it. */
  List<org.qunbei.accounts.Contact> handOverCandidates(CurrentUser user, Filing filing);

  /**
   * Whether the chain lets the user read the filing: {@link #involves}, or a copy (抄送) of it sent
   * to them. A copied reader only reads: they decide nothing, and see the team's mobiles masked
   * unless another rule shows them whole (mobiles follow {@link #involves}, not this).
   */
  boolean mayRead(CurrentUser user, Filing filing);

  /** The user opened the filing's page: a copy of it sent to them counts as read from now. */
  void opened(CurrentUser user, Filing filing);

  /** 抄送 on the filing's page for this user. */
  CopyCard copyCard(CurrentUser user, Filing filing);

  /**
   * The stock opinions (常用意见) the decision form offers for the filing's current step: the school's
   * for that step, then the user's own; none when the user does not decide it.
   */
  List<String> stockOpinions(CurrentUser user, Filing filing);
}
