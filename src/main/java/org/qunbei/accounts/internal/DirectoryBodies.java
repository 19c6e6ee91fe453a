package org.qunbei.accounts.internal;

/** The bodies of the administration calls of API.md, as JSON sends them. */
public final class DirectoryBodies {

  private DirectoryBodies() {}

  /** {@code { "code", "name", "kind", "head", "leader" }} */
  public record DepartmentBody(String code, String name, String kind, String head, String leader) {}

  /** {@code { "username", "name", "department", "staffNumber", "email", "enabled" }} */
  public record UserBody(
      String username,
      String name,
      String department,
      String staffNumber,
      String email,
      Boolean enabled) {}
}
