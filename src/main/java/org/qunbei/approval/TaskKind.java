package org.qunbei.approval;

import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingKind;

/** What a waiting filing asks of its approver: a new group, a change, or a dissolution. */
public enum TaskKind {
  NEW,
  CHANGE,
  DISSOLUTION;

  public static TaskKind of(Filing f) {
    if (f.dissolving() || f.dissolution() != null) {
      return DISSOLUTION;
    }
    return f.lineage().kind() == FilingKind.CHANGE ? CHANGE : NEW;
  }
}
