package org.qunbei.filing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One decision of section 五 as the filing shows it. */
public record ReviewRecord(
    int round,
    String step,
    String decision,
    String opinion,
    String decidedBy,
    String decidedByName,
    Instant decidedAt,
    Long signatureImageId,
    Long stampImageId) {

  /**
   * The decision a step's row of section 五 shows: the latest one on that step in the given round
   * (earlier rounds stay in the history, not on the form).
   */
  public static Optional<ReviewRecord> of(List<ReviewRecord> records, String step, int round) {
    return records.stream()
        .filter(r -> r.round() == round && r.step().equals(step))
        .reduce((a, b) -> b);
  }
}
