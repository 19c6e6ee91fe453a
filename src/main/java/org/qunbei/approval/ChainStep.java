package org.qunbei.approval;

import org.qunbei.accounts.Role;

/**
 * One configured step of the chain.
 *
 * @param code the step's code, as the API shows it ({@code currentStep})
 * @param label the heading of its row in section 五
 * @param decider who decides it
 * @param role the deciding office, for {@link DeciderKind#ROLE}
 * @param classifiedRole the office that decides instead for secret-related work (涉密工作), if any
 * @param stamped whether the step's record carries an office stamp (the leader signs only)
 */
public record ChainStep(
    String code,
    String label,
    DeciderKind decider,
    Role role,
    Role classifiedRole,
    boolean stamped) {

  /** The office that decides this step for a filing, by the routing rule for secret work. */
  public Role roleFor(boolean classified) {
    return classified && classifiedRole != null ? classifiedRole : role;
  }
}
