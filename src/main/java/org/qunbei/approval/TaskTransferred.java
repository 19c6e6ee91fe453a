package org.qunbei.approval;

/** A step's task was handed to a colleague. */
public record TaskTransferred(
    Long filingId, String step, String actor, String colleague, String reason, long version) {}
