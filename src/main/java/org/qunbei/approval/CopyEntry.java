package org.qunbei.approval;

import java.time.Instant;

/**
 * A filing copied (抄送) to the caller, as their list shows it: the filing's line, who copied it,
 * when, their note, and whether the caller has read it.
 */
public record CopyEntry(
    Long id,
    Long filingId,
    String number,
    String groupName,
    String departmentCode,
    String departmentName,
    String copiedBy,
    String copiedByName,
    String note,
    Instant copiedAt,
    Instant readAt) {

  @com.fasterxml.jackson.annotation.JsonProperty("read")
  public boolean read() {
    return readAt != null;
  }

  CopyEntry named(String department) {
    return new CopyEntry(
        id,
        filingId,
        number,
        groupName,
        departmentCode,
        department,
        copiedBy,
        copiedByName,
        note,
        copiedAt,
        readAt);
  }
}
