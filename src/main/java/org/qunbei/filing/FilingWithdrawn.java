package org.qunbei.filing;

/** The applicant took a submission back before its first step decided. */
public record FilingWithdrawn(Long filingId, String actor, long version) {}
