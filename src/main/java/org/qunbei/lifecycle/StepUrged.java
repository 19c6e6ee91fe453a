package org.qunbei.lifecycle;

/** The applicant urged (催办) the deciders of the filing's waiting step. */
public record StepUrged(Long filingId, String step, String actor) {}
