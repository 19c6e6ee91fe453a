package org.qunbei.accounts;

import java.time.Instant;
import java.util.List;

/**
 * The work an account still holds: the filings waiting for its decision. The approval module
 * answers (it knows the chain); the system administrator's console asks when an account is disabled
 * or departs, so that nobody's filing waits on someone who is gone.
 */
public interface OpenWork {

  /**
   * @param handedOver whether the task was handed to this person by name (then a colleague of the
   *     office hands it on); otherwise it follows the department's head or leader, or the role
   */
  record OpenTask(
      long filingId,
      String number,
      String departmentCode,
      String stepLabel,
      Instant waitingSince,
      boolean handedOver) {}

  List<OpenTask> heldBy(CurrentUser person);
}
