package org.qunbei.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A step's task handed to a delegate because its decider was away: what makes the delegate's
 * decision read "X 代 Y", and what goes back when the delegation ends.
 */
@Entity
@Table(name = "delegated_task")
class DelegatedTask {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long delegationId;
  private Long filingId;

  @Column(name = "review_round")
  private int round;

  private String step;

  @Column(name = "delegate_user")
  private String delegate;

  private String delegator;
  private String delegatorName;
  private Instant assignedAt;
  private Instant returnedAt;

  protected DelegatedTask() {}

  DelegatedTask(Delegation d, Long filingId, int round, String step, Instant now) {
    this.delegationId = d.id();
    this.filingId = filingId;
    this.round = round;
    this.step = step;
    this.delegate = d.delegate();
    this.delegator = d.delegator();
    this.delegatorName = d.delegatorName();
    this.assignedAt = now;
  }

  /** Whether it is still this task: the same step of the same round, and the delegate holds it. */
  boolean heldBy(org.qunbei.filing.Reviewable f, String username) {
    return f.underReview()
        && f.decisionRound() == round
        && step.equals(f.currentStep())
        && username.equals(f.assignee())
        && username.equals(delegate)
        && returnedAt == null;
  }

  void returned(Instant now) {
    returnedAt = now;
  }

  OnBehalf onBehalf() {
    return new OnBehalf(delegator, delegatorName);
  }

  Long filingId() {
    return filingId;
  }

  String step() {
    return step;
  }

  String delegate() {
    return delegate;
  }

  String delegator() {
    return delegator;
  }
}
