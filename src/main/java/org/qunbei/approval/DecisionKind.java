package org.qunbei.approval;

/** What a step may decide: pass it on, send it back for correction, or refuse it for good. */
public enum DecisionKind {
  APPROVE,
  RETURN,
  REJECT
}
