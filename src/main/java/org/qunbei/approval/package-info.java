/**
 * Section 五: the approval chain. Which steps, in which order and who decides each is configuration
 * ({@code qunbei.approval.steps}); {@link org.qunbei.approval.ApprovalService} records decisions,
 * and the filing aggregate refuses any move its state does not allow.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"accounts", "filing", "lifecycle", "shared", "system"})
package org.qunbei.approval;
