package org.qunbei.accounts;

import java.util.Set;

/** The security administrator changed an account's roles; the audit trail records who and why. */
public record RolesChanged(
    String username, Set<Role> before, Set<Role> after, String reason, String actor) {}
