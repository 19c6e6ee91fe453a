package org.qunbei.filing;

/** A group's first filing, or a change filing (变更备案) that files the whole form again. */
public enum FilingKind {
  NEW,
  CHANGE
}
