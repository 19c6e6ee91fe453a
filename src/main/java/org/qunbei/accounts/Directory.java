package org.qunbei.accounts;

import java.util.List;
import java.util.Optional;
import org.qunbei.accounts.internal.Department;
import org.qunbei.accounts.internal.Departments;
import org.qunbei.accounts.internal.UserAccounts;
import org.qunbei.shared.NodeFacts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The department directory, read-only for the rest of the application. */
@Service
@Transactional(readOnly = true)
public class Directory {

  private final Departments departments;
  private final UserAccounts accounts;
  private final NodeFacts facts;

  Directory(Departments departments, UserAccounts accounts, NodeFacts facts) {
    this.departments = departments;
    this.accounts = accounts;
    this.facts = facts;
  }

  /** The enabled users who hold a role. */
  public List<Contact> withRole(Role role) {
    return once("role:" + role, () -> List.copyOf(accounts.contactsWithRole(role)));
  }

  public Optional<Contact> contact(String username) {
    return username == null
        ? Optional.empty()
        : once("contact:" + username, () -> accounts.contactOf(username));
  }

  /** The department's head, if the directory names one who can log in. */
  public Optional<Contact> headOf(String department) {
    return once("head:" + department, () -> accounts.headOf(department));
  }

  /** The department's leader in charge, if the directory names one who can log in. */
  public Optional<Contact> leaderOf(String department) {
    return once("leader:" + department, () -> accounts.leaderOf(department));
  }

  /**
   * Reads a directory fact once per transaction, and between transactions keeps it on this node
   * until the directory changes (ADR 27). One decision asks for the same people several times — the
   * next step's deciders for their notice, again for their delegations, the applicant for theirs —
   * and each ask was a round trip.
   */
  private <T> T once(String key, java.util.function.Supplier<T> read) {
    return facts.read("directory." + key, read);
  }

  public Optional<DepartmentInfo> department(String code) {
    if (code == null) {
      return Optional.empty();
    }
    // Codes come from requests too: only a well-formed one is worth keeping an answer for.
    return Department.CODE.matcher(code).matches()
        ? once("department:" + code, () -> departments.findByCode(code).map(Department::info))
        : departments.findByCode(code).map(Department::info);
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
