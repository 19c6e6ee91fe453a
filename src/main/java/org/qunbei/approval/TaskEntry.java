package org.qunbei.approval;

import java.time.Instant;
import org.qunbei.filing.GroupType;

/**
 * A filing waiting for the caller's decision, as an approver's inbox row shows it: who asks, from
 * which department, for which group, what kind of request, how long it has waited and whether the
 * applicant urged it.
 */
public record TaskEntry(
    Long id,
    String number,
    String groupName,
    GroupType groupType,
    TaskKind kind,
    String departmentCode,
    String departmentName,
    String applicant,
    String applicantName,
    String step,
    String stepLabel,
    boolean classified,
    Instant submittedAt,
    Instant waitingSince,
    Instant urgedAt,
    boolean handedToMe,
    long version) {

  @com.fasterxml.jackson.annotation.JsonProperty("urged")
  public boolean urged() {
    return urgedAt != null;
  }
}
