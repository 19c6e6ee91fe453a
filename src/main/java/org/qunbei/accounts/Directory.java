package org.qunbei.accounts;

import java.util.List;
import java.util.Optional;
import org.qunbei.accounts.internal.Department;
import org.qunbei.accounts.internal.Departments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The department directory, read-only for the rest of the application. */
@Service
@Transactional(readOnly = true)
public class Directory {

  private final Departments departments;

  Directory(Departments departments) {
    this.departments = departments;
  }

  public Optional<DepartmentInfo> department(String code) {
    return code == null ? Optional.empty() : departments.findByCode(code).map(Department::info);
  }

  public List<DepartmentInfo> all() {
    return departments.findAllByOrderByCode().stream().map(Department::info).toList();
  }

  public String nameOf(String code) {
    return department(code).map(DepartmentInfo::name).orElse(code);
  }
}
