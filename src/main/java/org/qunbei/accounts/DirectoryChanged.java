package org.qunbei.accounts;

/**
 * The system administrator changed the directory: an account or a department was created or edited
 * ({@code what} says how); the audit trail records who and what.
 */
public record DirectoryChanged(String subject, String what, String actor) {}
