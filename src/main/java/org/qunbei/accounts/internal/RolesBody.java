package org.qunbei.accounts.internal;

import java.util.List;

/** The body of a grant: the roles the account holds from now on, and why. */
public record RolesBody(List<String> roles, String reason) {}
