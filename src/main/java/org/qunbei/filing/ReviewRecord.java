package org.qunbei.filing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One decision of section 五 as the filing shows it.
 *
 * @param onBehalfOf the decider away (委托) this decision was taken for, or null
 * @param onBehalfOfName that person's name as it was when the decision was taken
 */
public record ReviewRecord(
    int round,
    String step,
    String decision,
    String opinion,
    String decidedBy,
    String decidedByName,
    Instant decidedAt,
    Long signatureImageId,
    Long stampImageId,
    String onBehalfOf,
    String onBehalfOfName) {

  /** A decision taken by the decider in person. */
  public ReviewRecord(
      int round,
      String step,
      String decision,
      String opinion,
      String decidedBy,
      String decidedByName,
      Instant decidedAt,
      Long signatureImageId,
      Long stampImageId) {
    this(
        round,
        step,
        decision,
        opinion,
        decidedBy,
        decidedByName,
        decidedAt,
        signatureImageId,
        stampImageId,
        null,
        null);
  }

  /**
   * Who signed, as every page and printout names them: "X 代 Y" when X decided for Y, who was away
   * and had delegated to X; otherwise X's name alone. Part of the API's decision too.
   */
  @com.fasterxml.jackson.annotation.JsonProperty("signedAs")
  public String signedAs() {
    return onBehalfOfName == null ? decidedByName : decidedByName + " 代 " + onBehalfOfName;
  }

  /**
   * The decision a step's row of section 五 shows: the latest one on that step in the given round
   * (earlier rounds stay in the history, not on the form).
   */
  public static Optional<ReviewRecord> of(List<ReviewRecord> records, String step, int round) {
    ReviewRecord latest = null; // a loop: the export asks this 4 × 10^5 times
    for (ReviewRecord r : records) {
      if (r.round() == round && r.step().equals(step)) {
        latest = r;
      }
    }
    return Optional.ofNullable(latest);
  }
}
