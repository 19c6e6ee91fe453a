package org.qunbei.accounts.internal;

import java.util.EnumSet;
import java.util.Set;
import org.qunbei.accounts.Role;
import org.qunbei.shared.Violations;

/**
 * What roles one account may hold together (三权分立): at most one administrative role, never beside a
 * role that decides filings; a department's roles need a department. The one place this rule lives.
 */
final class RoleGrants {

  private RoleGrants() {}

  static Violations check(Set<Role> roles, String departmentCode) {
    var v = new Violations();
    Set<Role> admin = EnumSet.noneOf(Role.class);
    Set<Role> deciding = EnumSet.noneOf(Role.class);
    for (Role r : roles) {
      if (r.administrative()) {
        admin.add(r);
      }
      if (Role.DECIDING.contains(r)) {
        deciding.add(r);
      }
    }
    if (admin.size() > 1) {
      v.add("roles", "accounts.roles.twoAdministrative");
    }
    if (!admin.isEmpty() && !deciding.isEmpty()) {
      v.add("roles", "accounts.roles.adminDecides");
    }
    boolean departmental = roles.contains(Role.APPLICANT) || roles.contains(Role.DEPARTMENT_HEAD);
    if (departmental && departmentCode == null) {
      v.add("roles", "accounts.roles.needsDepartment");
    }
    return v;
  }
}
