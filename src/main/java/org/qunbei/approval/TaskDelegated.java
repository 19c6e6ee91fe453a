package org.qunbei.approval;

/** A step's task arrived while its decider was away and went to their delegate (委托). */
public record TaskDelegated(
    Long filingId,
    String step,
    Long delegationId,
    String delegator,
    String delegatorName,
    String delegate,
    long version) {}
