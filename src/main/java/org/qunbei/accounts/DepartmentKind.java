package org.qunbei.accounts;

/** The form's 所属部门 is a unit of the school or a cross-department working group. */
public enum DepartmentKind {
  DEPARTMENT,
  WORKING_GROUP
}
