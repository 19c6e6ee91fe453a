package org.qunbei.approval;

/**
 * A step of a filing's review was decided. {@code nextStep} is where the filing waits now, or null
 * when the decision ended the review (FILED, RETURNED or REJECTED: see {@code status}). {@code
 * actorName} is the decider's name as the decision records it, so that whoever tells of it need not
 * look the decider up again.
 */
public record StepDecided(
    Long filingId,
    String step,
    DecisionKind decision,
    String opinion,
    String nextStep,
    String status,
    String actor,
    String actorName,
    long version) {}
