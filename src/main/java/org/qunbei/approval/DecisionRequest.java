package org.qunbei.approval;

/**
 * A decision as an approver states it. The step is not part of it: the filing's current step is
 * what is decided, whatever a client sends.
 */
public record DecisionRequest(DecisionKind decision, String opinion) {

  static final int MAX_OPINION = 500;
  static final String DEFAULT_APPROVAL = "同意备案";
  static final String DEFAULT_DISSOLUTION = "情况属实，同意解散";
}
