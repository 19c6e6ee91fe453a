package org.qunbei.notify.web;

import java.time.Instant;
import org.qunbei.notify.Robot;
import org.qunbei.notify.RobotAdministration;
import org.qunbei.notify.RobotDelivery;

/**
 * A group robot as the API shows it: {@code signed} says whether a secret is stored (the secret
 * itself is never shown again); {@code lastDelivery} is its latest post, or null before the first.
 */
record RobotView(
    Long id,
    String name,
    String kind,
    String url,
    boolean signed,
    String department,
    String step,
    boolean enabled,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    Delivery lastDelivery) {

  /** A post: its state, attempts, when it was made and sent, the next try and the last error. */
  record Delivery(
      Long id,
      String status,
      int attempts,
      Instant createdAt,
      Instant sentAt,
      Instant nextAttemptAt,
      String lastError) {
    static Delivery of(RobotDelivery d) {
      return d == null
          ? null
          : new Delivery(
              d.id(),
              d.status().name(),
              d.attempts(),
              d.createdAt(),
              d.sentAt(),
              d.nextAttemptAt(),
              d.lastError());
    }
  }

  static RobotView of(RobotAdministration.RobotState s) {
    return of(s.robot(), s.last());
  }

  static RobotView of(Robot r, RobotDelivery last) {
    return new RobotView(
        r.id(),
        r.name(),
        r.kind().name(),
        r.webhookUrl(),
        r.signed(),
        r.departmentCode(),
        r.stepCode(),
        r.enabled(),
        r.createdBy(),
        r.createdAt(),
        r.updatedAt(),
        Delivery.of(last));
  }
}
