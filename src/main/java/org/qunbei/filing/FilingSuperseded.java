package org.qunbei.filing;

/** A filed version gave way to its group's change filing, filed now; it stays readable. */
public record FilingSuperseded(Long filingId, Long byFilingId, long version) {}
