package org.qunbei.filing;

/** A filing stopped being active (rejected or withdrawn): it no longer holds its group. */
public record FilingClosed(Long filingId) {}
