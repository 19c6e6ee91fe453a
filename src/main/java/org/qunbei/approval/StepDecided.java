package org.qunbei.approval;

/**
 * A step of a filing's review was decided. {@code nextStep} is where the filing waits now, or null
 * when the decision ended the review (FILED, RETURNED or REJECTED: see {@code status}).
 */
public record StepDecided(
    Long filingId,
    String step,
    DecisionKind decision,
    String opinion,
    String nextStep,
    String status,
    String actor,
    long version) {}
