package org.qunbei.filing.web;

import java.util.List;
import org.qunbei.filing.ReviewRecord;
import org.qunbei.filing.ReviewStepInfo;

/** A row of section 五: the step and its decision in the current round, if any yet. */
public record ApprovalRow(ReviewStepInfo step, ReviewRecord decision) {

  static List<ApprovalRow> of(List<ReviewStepInfo> steps, List<ReviewRecord> records, int round) {
    return steps.stream()
        .map(s -> new ApprovalRow(s, ReviewRecord.of(records, s.code(), round).orElse(null)))
        .toList();
  }
}
