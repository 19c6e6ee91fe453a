package org.qunbei.filing;

import java.util.List;

/**
 * The four fixed rows of section 二 as the paper prints them: the owner, admin (1), admin (2) and
 * the other responsible person. The team list may hold them in any order; a slot finds its member
 * by role and rank, so every rendering shows the same person on the same row.
 */
public enum TeamSlot {
  OWNER(TeamRole.OWNER, 0),
  ADMIN_1(TeamRole.ADMIN, 0),
  ADMIN_2(TeamRole.ADMIN, 1),
  OTHER(TeamRole.OTHER, 0);

  private final TeamRole role;
  private final int rank;

  TeamSlot(TeamRole role, int rank) {
    this.role = role;
    this.rank = rank;
  }

  public TeamRole role() {
    return role;
  }

  /** The position in the team list of the member on this row, or -1 when the row is empty. */
  public int indexIn(List<TeamMember> team) {
    int seen = 0;
    for (int i = 0; i < team.size(); i++) {
      TeamMember m = team.get(i);
      if (m != null && m.role() == role && seen++ == rank) {
        return i;
      }
    }
    return -1;
  }

  /** The member on this row, or null. */
  public TeamMember memberOf(List<TeamMember> team) {
    int i = indexIn(team);
    return i < 0 ? null : team.get(i);
  }

  /** The row that the member at {@code index} of the list fills, or null (no role, or too many). */
  public static TeamSlot at(List<TeamMember> team, int index) {
    for (TeamSlot slot : values()) {
      if (slot.indexIn(team) == index) {
        return slot;
      }
    }
    return null;
  }
}
