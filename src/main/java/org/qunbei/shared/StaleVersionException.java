package org.qunbei.shared;

/** The caller edited an older version than the one stored (If-Match). Maps to 412. */
public class StaleVersionException extends RuntimeException {

  private final long currentVersion;

  public StaleVersionException(long currentVersion) {
    super("stale version; current is " + currentVersion);
    this.currentVersion = currentVersion;
  }

  public long currentVersion() {
    return currentVersion;
  }
}
