package org.qunbei.approval;

import java.util.ArrayList;
import java.util.List;
import org.qunbei.shared.InvalidInputException;

/**
 * A batch as an approver states it (API.md "Approvers"): {@code filings}, the ids; {@code versions}
 * (optional, in the same order), the version the approver read, so that a filing changed since is
 * refused instead of decided unseen; one decision and one opinion for all.
 */
public record BatchDecisionRequest(
    List<Long> filings, List<Long> versions, DecisionKind decision, String opinion) {

  public List<BatchDecisions.Item> items() {
    if (filings == null) {
      return List.of();
    }
    if (versions != null && versions.size() != filings.size()) {
      throw InvalidInputException.of("versions", "approval.batch.versions", filings.size());
    }
    List<BatchDecisions.Item> items = new ArrayList<>();
    for (int i = 0; i < filings.size(); i++) {
      items.add(new BatchDecisions.Item(filings.get(i), versions == null ? null : versions.get(i)));
    }
    return items;
  }
}
