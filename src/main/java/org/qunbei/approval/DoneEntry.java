package org.qunbei.approval;

import java.time.Instant;

/** A decision the caller made (我已审批), with where its filing stands now. */
public record DoneEntry(
    Long id,
    String number,
    String groupName,
    String departmentName,
    TaskKind kind,
    String step,
    String stepLabel,
    DecisionKind decision,
    String opinion,
    Instant decidedAt,
    String status,
    String currentStep,
    String currentStepLabel) {}
