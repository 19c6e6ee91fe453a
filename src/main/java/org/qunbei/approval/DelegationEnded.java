package org.qunbei.approval;

/**
 * A delegation ended: cancelled by its owner ({@code actor}), or by itself after its last day
 * ({@code actor} "system"). {@code returned} tasks the delegate still held went back.
 */
public record DelegationEnded(
    Long delegationId,
    String delegator,
    String delegate,
    String actor,
    boolean cancelled,
    int returned) {}
