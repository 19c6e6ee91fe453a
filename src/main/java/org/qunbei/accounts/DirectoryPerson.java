package org.qunbei.accounts;

/**
 * A person of the directory as a picker lists them: by name and department (the username is what a
 * form sends back). {@code departmentName} is null for the school's offices.
 */
public record DirectoryPerson(
    String username, String displayName, String departmentCode, String departmentName) {}
