package org.qunbei.lifecycle.review;

import java.time.Instant;
import java.time.LocalDate;

/** A review round: what it is called, by when departments answer, and whether it is closed. */
public record ReviewRound(
    long id,
    String title,
    LocalDate deadline,
    String openedBy,
    Instant openedAt,
    Instant closedAt) {

  public boolean open() {
    return closedAt == null;
  }
}
