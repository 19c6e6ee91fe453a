package org.qunbei.filing;

/** The rows of section 二: one owner, up to two admins, up to one other responsible person. */
public enum TeamRole {
  OWNER(1),
  ADMIN(2),
  OTHER(1);

  private final int maxCount;

  TeamRole(int maxCount) {
    this.maxCount = maxCount;
  }

  public int maxCount() {
    return maxCount;
  }
}
