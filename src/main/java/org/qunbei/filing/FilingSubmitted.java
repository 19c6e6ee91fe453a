package org.qunbei.filing;

/** A filing entered review (first submission or a resubmission after a return). */
public record FilingSubmitted(
    Long filingId, String number, String departmentCode, String step, String actor, long version) {}
