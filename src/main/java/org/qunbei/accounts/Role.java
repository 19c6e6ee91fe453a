package org.qunbei.accounts;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of the paper form's actors, and the three that run and watch the system apart (三权分立):
 * the system administrator keeps the directory and the accounts, the security administrator grants
 * roles and keeps the stamps, the auditor reads the audit trail.
 */
public enum Role {
  APPLICANT,
  DEPARTMENT_HEAD,
  CONFIDENTIALITY_OFFICE,
  PARTY_OFFICE,
  CYBERSPACE_OFFICE,
  LEADER,
  SYSTEM_ADMIN,
  SECURITY_ADMIN,
  AUDITOR;

  /** The administrative roles: one at most per account, never beside a deciding role. */
  public static final Set<Role> ADMINISTRATIVE = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDITOR);

  /** The roles that decide a step of a filing. */
  public static final Set<Role> DECIDING =
      EnumSet.of(DEPARTMENT_HEAD, CONFIDENTIALITY_OFFICE, PARTY_OFFICE, CYBERSPACE_OFFICE, LEADER);

  public boolean administrative() {
    return ADMINISTRATIVE.contains(this);
  }
}
