package org.qunbei.filing;

import java.time.LocalDate;

/** What the applicant states to start a change filing: when the group changed, and what. */
public record ChangeRequest(LocalDate changedOn, String reason) {

  static final int REASON_LENGTH = 500;
}
