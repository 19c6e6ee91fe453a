package org.qunbei.approval;

/** Who decides a step: the filing department's head or leader in charge, or an office role. */
public enum DeciderKind {
  DEPARTMENT_HEAD,
  DEPARTMENT_LEADER,
  ROLE
}
