package org.qunbei.approval;

/**
 * A delegation ended while its delegate still held a task: the task is the step's deciders' again.
 */
public record DelegatedTaskReturned(
    Long filingId,
    String step,
    Long delegationId,
    String delegator,
    String delegate,
    long version) {}
