package org.qunbei.filing;

/**
 * 群类型, with each platform's largest ordinary group: the one table of platform limits (see
 * docs/platform-limits.md for the sources and why these numbers).
 */
public enum GroupType {
  WECHAT(500, false),
  QQ(3000, true),
  WECOM(2000, false),
  DINGTALK(3000, true),
  OTHER(100_000, false);

  private final int maxMembers;
  private final boolean numbered;

  GroupType(int maxMembers, boolean numbered) {
    this.maxMembers = maxMembers;
    this.numbered = numbered;
  }

  /**
   * QQ and DingTalk show every group's number; the form asks for it 'where the platform has one'.
   */
  public boolean isNumbered() {
    return numbered;
  }

  public int maxMembers() {
    return maxMembers;
  }
}
