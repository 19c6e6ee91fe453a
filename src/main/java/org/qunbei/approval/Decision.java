package org.qunbei.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.qunbei.filing.ReviewRecord;

/** A step's decision, as it was made: never changed afterwards. */
@Entity
@Table(name = "review_decision")
public class Decision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long filingId;

  @Column(name = "review_round")
  private int round;

  private String step;

  @Enumerated(EnumType.STRING)
  private DecisionKind decision;

  private String opinion;
  private String decidedBy;
  private String decidedByName;
  private Instant decidedAt;
  private Long signatureImageId;
  private Long stampImageId;
  private String onBehalfOf;
  private String onBehalfOfName;

  protected Decision() {}

  public ReviewRecord record() {
    return new ReviewRecord(
        round,
        step,
        decision.name(),
        opinion,
        decidedBy,
        decidedByName,
        decidedAt,
        signatureImageId,
        stampImageId,
        onBehalfOf,
        onBehalfOfName);
  }

  public String decidedByName() {
    return decidedByName;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public DecisionKind decision() {
    return decision;
  }

  public Long filingId() {
    return filingId;
  }

  public String opinion() {
    return opinion;
  }

  public String step() {
    return step;
  }
}
