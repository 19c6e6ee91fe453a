package org.qunbei.accounts;

import java.util.Set;

/**
 * Who is calling: enough to scope every query and check every action without another lookup.
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
    Set<String> leaderOf) {

  public CurrentUser {
    roles = Set.copyOf(roles);
    headOf = Set.copyOf(headOf);
    leaderOf = Set.copyOf(leaderOf);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** The cyberspace office keeps the registry and the administrator runs the system. */
  public boolean seesWholeRegistry() {
    return has(Role.CYBERSPACE_OFFICE) || has(Role.ADMIN);
  }

  public boolean canFile() {
    return has(Role.APPLICANT) && departmentCode != null;
  }
}
