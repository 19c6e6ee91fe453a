package org.qunbei.accounts.internal;

import static org.qunbei.accounts.Role.*;

import java.util.Set;
import org.qunbei.accounts.DepartmentKind;
import org.qunbei.accounts.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo directory and accounts of API.md. Only outside the {@code prod} profile, and only into
 * an empty directory, so a demo never overwrites real data.
 */
@Component
@Profile("!prod")
@Order(1)
class DemoAccounts implements ApplicationRunner {

  static final String DEMO_PASSWORD = "demo123";

  /** Every demo account's mail is at this domain: production finds them by it. */
  static final String MAIL_DOMAIN = "@demo.qunbei.local";

  static final Set<String> USERNAMES =
      Set.of(
          "applicant",
          "depthead",
          "applicant2",
          "depthead2",
          "secrecy",
          "secrecy2",
          "partyoffice",
          "cyberoffice",
          "leader",
          "admin",
          "secadmin",
          "auditor");

  private final UserAccounts accounts;
  private final Departments departments;
  private final PasswordEncoder encoder;

  DemoAccounts(UserAccounts accounts, Departments departments, PasswordEncoder encoder) {
    this.accounts = accounts;
    this.departments = departments;
    this.encoder = encoder;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (accounts.count() > 0 || departments.count() > 0) {
      return;
    }
    departments.save(
        new Department("CS", "计算机学院", DepartmentKind.DEPARTMENT, "depthead", "leader"));
    departments.save(
        new Department("MATH", "数学学院", DepartmentKind.DEPARTMENT, "depthead2", "leader"));
    departments.save(
        new Department(
            "SMART", "智慧校园建设跨部门工作组", DepartmentKind.WORKING_GROUP, "depthead", "leader"));
    // One hash for all: adaptive hashing is deliberately slow, and ten of them would slow start-up.
    String hash = encoder.encode(DEMO_PASSWORD);
    user("applicant", "张明（计算机学院）", hash, "CS", APPLICANT);
    user("depthead", "王建国（计算机学院院长）", hash, "CS", DEPARTMENT_HEAD);
    user("applicant2", "刘洋（数学学院）", hash, "MATH", APPLICANT);
    user("depthead2", "孙丽（数学学院院长）", hash, "MATH", DEPARTMENT_HEAD);
    user("secrecy", "保密办", hash, null, CONFIDENTIALITY_OFFICE);
    user("secrecy2", "保密办（二）", hash, null, CONFIDENTIALITY_OFFICE);
    user("partyoffice", "党政办", hash, null, PARTY_OFFICE);
    user("cyberoffice", "网信办", hash, null, CYBERSPACE_OFFICE);
    user("leader", "周校长（分管领导）", hash, null, LEADER);
    user("admin", "系统管理员", hash, null, SYSTEM_ADMIN);
    user("secadmin", "安全管理员", hash, null, SECURITY_ADMIN);
    user("auditor", "审计员", hash, null, AUDITOR);
  }

  private void user(String username, String name, String hash, String dept, Role role) {
    accounts.save(
        new UserAccount(username, name, hash, dept, username + MAIL_DOMAIN, Set.of(role)));
  }
}
