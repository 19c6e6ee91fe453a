package org.qunbei.accounts;

import java.util.Set;

/**
 * Who is calling: enough to scope every query and check every action without another lookup.
 *
 * @param departmentCode the user's own department, or {@code null} for school offices
 * @param ledDepartments departments this user heads or is the leader in charge of
 */
public record CurrentUser(
    String username,
    String displayName,
    String departmentCode,
    Set<Role> roles,
    Set<String> ledDepartments) {

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** The cyberspace office keeps the registry and the administrator runs the system. */
  public boolean seesWholeRegistry() {
    return has(Role.CYBERSPACE_OFFICE) || has(Role.ADMIN);
  }

  /** A department's own people see all of its filings, drafts included. */
  public boolean belongsTo(String department) {
    return department != null
        && (department.equals(departmentCode) || ledDepartments.contains(department));
  }

  public boolean canFile() {
    return has(Role.APPLICANT) && departmentCode != null;
  }
}
