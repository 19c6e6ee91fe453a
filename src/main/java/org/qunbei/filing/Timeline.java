package org.qunbei.filing;

import java.time.Instant;
import java.util.List;

/**
 * A filing's way through review as a phone reader follows it (流转记录): who holds it now and since
 * when, and what happened before — submissions, decisions, hand-overs (转办) and urgings (催办) —
 * oldest first. Built by the approval module, shown by the filing page.
 */
public record Timeline(Holder holder, List<Entry> entries) {

  /** Where the filing waits: the step, the people who may decide it, since when. */
  public record Holder(String stepLabel, List<String> names, Instant since, boolean handedOver) {}

  public enum Kind {
    CREATED,
    SUBMITTED,
    DISSOLUTION_REPORTED,
    DECIDED,
    TRANSFERRED,
    URGED
  }

  /**
   * One thing that happened: {@code actor} did it (a name, never a login), at {@code stepLabel};
   * {@code decision} for a decision (APPROVE, RETURN, REJECT), {@code text} its opinion or reason,
   * {@code to} the colleague a hand-over went to.
   */
  public record Entry(
      Instant at,
      Kind kind,
      String actor,
      String stepLabel,
      String decision,
      String text,
      String to,
      int round) {}
}
