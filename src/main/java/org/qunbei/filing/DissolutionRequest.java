package org.qunbei.filing;

import java.time.LocalDate;

/** What the department states to report its group dissolved. */
public record DissolutionRequest(LocalDate dissolvedOn, String reason) {}
