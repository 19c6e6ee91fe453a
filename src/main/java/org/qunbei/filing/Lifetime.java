package org.qunbei.filing;

/** 预计存续期限. */
public enum Lifetime {
  LONG_TERM,
  SHORT_TERM,
  UNTIL_PROJECT_ENDS,
  OTHER
}
