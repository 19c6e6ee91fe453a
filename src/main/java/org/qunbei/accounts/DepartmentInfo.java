package org.qunbei.accounts;

/** A directory entry as other modules see it. */
public record DepartmentInfo(
    String code, String name, DepartmentKind kind, String headUsername, String leaderUsername) {}
