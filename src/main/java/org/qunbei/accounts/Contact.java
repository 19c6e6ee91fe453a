package org.qunbei.accounts;

/** Whom to notify and how: a user's name and e-mail address (null when none is known). */
public record Contact(String username, String displayName, String email) {}
