package org.qunbei.accounts;

/**
 * A person left the school (the HR staff file no longer lists them): the groups they manage need a
 * new owner, admin or steward. {@code mobile} may be null; then they are known by name within their
 * department.
 */
public record StaffDeparted(String name, String departmentCode, String mobile) {}
