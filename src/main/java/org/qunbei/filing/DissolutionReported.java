package org.qunbei.filing;

/** A department reported its filed group dissolved; the report waits at {@code step}. */
public record DissolutionReported(Long filingId, String step, String actor, long version) {}
