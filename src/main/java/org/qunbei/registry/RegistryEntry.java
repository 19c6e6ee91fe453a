package org.qunbei.registry;

import java.time.Instant;
import java.time.LocalDate;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.GroupType;

/** One line of the registry. No personal data: names and phones stay on the filing itself. */
public record RegistryEntry(
    Long id,
    String number,
    FilingStatus status,
    String currentStep,
    String departmentCode,
    String departmentName,
    GroupType groupType,
    String groupName,
    String groupNumber,
    Integer memberCount,
    LocalDate filledOn,
    Instant submittedAt,
    Instant updatedAt,
    org.qunbei.filing.FilingKind kind,
    LocalDate dueBy,
    boolean late) {}
