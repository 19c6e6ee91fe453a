package org.qunbei.filing;

/** Where a filing came from: filed online, or filed on paper before Qunbei and imported. */
public enum FilingOrigin {
  ONLINE,
  PAPER
}
