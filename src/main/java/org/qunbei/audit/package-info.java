/**
 * The append-only audit trail: every edit, submission, withdrawal and decision, with who, in which
 * role, when, from which address and at which filing version. Written in the same transaction as
 * the change it records; read by the auditor only; never updated or deleted.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "accounts",
      "approval",
      "calendar",
      "filing",
      "notify",
      "shared",
      "system"
    })
package org.qunbei.audit;
