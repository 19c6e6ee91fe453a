package org.qunbei.approval;

import org.qunbei.filing.DissolutionReported;
import org.qunbei.filing.FilingSubmitted;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Watches filings arrive at a step by submission or a dissolution report and lets {@link
 * DelegationService#arrived} hand the task to a delegate (a decision's next step is handed over by
 * {@link ApprovalService#decide} itself, which answers with the version that leaves). Just before
 * the commit, so that the arrival's own records (its audit event at the version it announced, its
 * notices) are written first and the hand-over follows at the next version, in the same
 * transaction. The events carry the filing as it arrived.
 */
@Component
class DelegationArrivals {

  private final DelegationService delegations;

  DelegationArrivals(DelegationService delegations) {
    this.delegations = delegations;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(FilingSubmitted e) {
    delegations.arrived(e.filing(), e.step());
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(DissolutionReported e) {
    delegations.arrived(e.filing(), e.step());
  }
}
