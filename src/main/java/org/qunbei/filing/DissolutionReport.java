package org.qunbei.filing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The department's report that its group reached its end (解散报备, commitment 4): the day it was
 * dissolved, why, who reported it and when, and the day by which it was due (the dissolution day +
 * 5 working days). Confirmed by the department's head and recorded by the cyberspace office through
 * the configured dissolution chain.
 */
@Embeddable
public record DissolutionReport(
    @Column(name = "dissolved_on") LocalDate dissolvedOn,
    @Column(name = "dissolution_reason") String reason,
    @Column(name = "dissolution_reported_by") String reportedBy,
    @Column(name = "dissolution_reported_at") Instant reportedAt,
    @Column(name = "dissolution_due_by") LocalDate dueBy) {

  /** Reported after its due day: commitment 4 was not kept. */
  public boolean late(java.time.Clock clock) {
    return dueBy != null && LocalDate.ofInstant(reportedAt, clock.getZone()).isAfter(dueBy);
  }
}
