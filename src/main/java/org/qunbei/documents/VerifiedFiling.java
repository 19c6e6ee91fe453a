package org.qunbei.documents;

import java.time.LocalDate;

/** What the public verification page confirms: nothing personal (no names, no phones). */
public record VerifiedFiling(
    String number, String groupName, String departmentName, String status, LocalDate filledOn) {}
