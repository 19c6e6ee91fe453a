package org.qunbei.accounts;

import java.util.List;
import java.util.Optional;
import org.qunbei.accounts.internal.Department;
import org.qunbei.accounts.internal.Departments;
import org.qunbei.accounts.internal.UserAccounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The department directory, read-only for the rest of the application. */
@Service
@Transactional(readOnly = true)
public class Directory {

  private final Departments departments;
  private final UserAccounts accounts;

  Directory(Departments departments, UserAccounts accounts) {
    this.departments = departments;
    this.accounts = accounts;
  }

  /** The enabled users who hold a role. */
  public List<Contact> withRole(Role role) {
    return accounts.contactsWithRole(role);
  }

  public Optional<Contact> contact(String username) {
    return username == null ? Optional.empty() : accounts.contactOf(username);
  }

  /** The department's head, if the directory names one who can log in. */
  public Optional<Contact> headOf(String department) {
    return accounts.headOf(department);
  }

  /** The department's leader in charge, if the directory names one who can log in. */
  public Optional<Contact> leaderOf(String department) {
    return accounts.leaderOf(department);
  }

  public Optional<DepartmentInfo> department(String code) {
    return code == null ? Optional.empty() : departments.findByCode(code).map(Department::info);
  }

  public List<DepartmentInfo> all() {
    return departments.findAllByOrderByCode().stream().map(Department::info).toList();
  }

  /**
   * The people who may read a filing when one is shown to them: every enabled account but the
   * administrators', who see no filing at all (三权分立).
   */
  public List<DirectoryPerson> people() {
    var names = new java.util.HashMap<String, String>();
    all().forEach(d -> names.put(d.code(), d.name()));
    return accounts.enabledWithout(Role.ADMINISTRATIVE).stream()
        .map(
            a ->
                new DirectoryPerson(
                    a.username(),
                    a.displayName(),
                    a.departmentCode(),
                    a.departmentCode() == null ? null : names.get(a.departmentCode())))
        .toList();
  }

  public String nameOf(String code) {
    return department(code).map(DepartmentInfo::name).orElse(code);
  }
}
