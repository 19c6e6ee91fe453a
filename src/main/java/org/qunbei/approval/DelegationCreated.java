package org.qunbei.approval;

import java.time.LocalDate;

/** A decider named a colleague to take their new tasks while away (委托). */
public record DelegationCreated(
    Long delegationId,
    String delegator,
    String delegatorName,
    String delegate,
    LocalDate from,
    LocalDate to) {}
