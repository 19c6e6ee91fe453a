package org.qunbei.approval;

import java.time.Instant;

/** A filing the caller started (我发起的): where it stands and, in review, since when it waits. */
public record StartedEntry(
    Long id,
    String number,
    String groupName,
    String departmentName,
    TaskKind kind,
    String status,
    String currentStep,
    String currentStepLabel,
    Instant waitingSince,
    Instant updatedAt) {}
