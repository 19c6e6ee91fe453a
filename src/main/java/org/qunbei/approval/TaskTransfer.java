package org.qunbei.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A recorded hand-over of a step's task (转办); never changed afterwards. */
@Entity
@Table(name = "task_transfer")
class TaskTransfer {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long filingId;

  @Column(name = "review_round")
  private int round;

  private String step;
  private String fromUser;
  private String toUser;
  private String reason;
  private Instant transferredAt;

  protected TaskTransfer() {}

  TaskTransfer(
      Long filingId,
      int round,
      String step,
      String fromUser,
      String toUser,
      String reason,
      Instant transferredAt) {
    this.filingId = filingId;
    this.round = round;
    this.step = step;
    this.fromUser = fromUser;
    this.toUser = toUser;
    this.reason = reason;
    this.transferredAt = transferredAt;
  }

  int round() {
    return round;
  }

  String step() {
    return step;
  }

  String fromUser() {
    return fromUser;
  }

  String toUser() {
    return toUser;
  }

  String reason() {
    return reason;
  }

  Instant transferredAt() {
    return transferredAt;
  }
}
