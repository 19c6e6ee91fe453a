package org.qunbei.approval;

import java.time.Instant;
import org.qunbei.filing.Filing;
import org.qunbei.filing.GroupType;

/** A filing waiting for the caller's decision. */
public record TaskEntry(
    Long id,
    String number,
    String groupName,
    GroupType groupType,
    String departmentCode,
    String step,
    String stepLabel,
    boolean classified,
    Instant submittedAt,
    long version) {

  static TaskEntry of(Filing f, String stepLabel) {
    return new TaskEntry(
        f.id(),
        f.number(),
        f.groupName(),
        f.groupType(),
        f.departmentCode(),
        f.currentStep(),
        stepLabel,
        f.classified(),
        f.submittedAt(),
        f.version());
  }
}
