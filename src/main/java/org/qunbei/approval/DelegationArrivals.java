package org.qunbei.approval;

import org.qunbei.filing.DissolutionReported;
import org.qunbei.filing.FilingSubmitted;
import org.qunbei.filing.Filings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Watches filings arrive at a step and lets {@link DelegationService#arrived} hand the task to a
 * delegate. Just before the commit, so that the arrival's own records (its audit event at the
 * version it announced, its notices) are written first and the hand-over follows at the next
 * version, in the same transaction.
 */
@Component
class DelegationArrivals {

  private final DelegationService delegations;
  private final Filings filings;

  DelegationArrivals(DelegationService delegations, Filings filings) {
    this.delegations = delegations;
    this.filings = filings;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(FilingSubmitted e) {
    arrived(e.filingId(), e.step());
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(DissolutionReported e) {
    arrived(e.filingId(), e.step());
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(StepDecided e) {
    if (e.nextStep() != null) {
      delegations.arrived(e.filing(), e.nextStep());
    }
  }

  private void arrived(Long filingId, String step) {
    filings.findById(filingId).ifPresent(f -> delegations.arrived(f, step));
  }
}
