package org.qunbei.approval;

import org.qunbei.filing.FilingReview;

/**
 * A step of a filing's review was decided. {@code filing} is the filing as the decision left it —
 * where it waits now ({@link #nextStep}), or null when the decision ended the review (FILED,
 * RETURNED or REJECTED: see {@link #status}) — so that whoever tells of the decision need not read
 * the filing again. {@code actorName} is the decider's name as the decision records it, for the
 * same reason.
 */
public record StepDecided(
    FilingReview filing,
    String step,
    DecisionKind decision,
    String opinion,
    String actor,
    String actorName) {

  public Long filingId() {
    return filing.id();
  }

  public String nextStep() {
    return filing.currentStep();
  }

  public String status() {
    return filing.status().name();
  }

  /** The filing's version after the decision: the one its audit event names. */
  public long version() {
    return filing.version();
  }
}
