package org.qunbei.lifecycle;

/**
 * A sweep raised an alert: whoever must act is told (the filing's applicant, or the deciders of the
 * waiting step). {@code step} is the waiting step for {@link AlertKind#STEP_STALLED}.
 */
public record DeadlineMissed(AlertKind kind, Long filingId, String step, String detail) {}
