package org.qunbei.accounts;

import java.util.Set;

/**
 * Who is calling: enough to scope every query and check every action without another lookup.
 * Serializable because it lives in the signed-in session, which the database keeps.
 *
 * @param departmentCode the user's own department, or {@code null} for school offices
 * @param headOf departments this user heads (decides their 所属部门意见)
 * @param leaderOf departments this user is the leader in charge of (分管领导)
 */
public record CurrentUser(
    String username,
    String displayName,
    String departmentCode,
    Set<Role> roles,
    Set<String> headOf,
    Set<String> leaderOf)
    implements java.io.Serializable {

  public CurrentUser {
    roles = Set.copyOf(roles);
    headOf = Set.copyOf(headOf);
    leaderOf = Set.copyOf(leaderOf);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /**
   * The cyberspace office keeps the registry. The administrators run the system and see no filing
   * for it (三权分立): their work is the directory, the roles and the trail.
   */
  public boolean seesWholeRegistry() {
    return has(Role.CYBERSPACE_OFFICE);
  }

  public boolean canFile() {
    return has(Role.APPLICANT) && departmentCode != null;
  }
}
