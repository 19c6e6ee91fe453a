package org.qunbei.notify;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * One post of one robot: written with the change that caused it, claimed by one node with a lease,
 * posted outside any transaction and retried with growing pauses (1, 2, 4 … minutes).
 */
@Entity
@Table(name = "robot_delivery")
public class RobotDelivery {

  static final int MAX_ATTEMPTS = 8;

  /** A test message is tried once: the administrator is looking at the answer. */
  static final int TEST_ATTEMPTS = 1;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** Two nodes may pick the same post; the version lets only one claim it. */
  @Version private long version;

  private Long robotId;
  private Long filingId;
  private String title;
  private String body;
  private String link;

  @Enumerated(EnumType.STRING)
  private DeliveryStatus status;

  private int attempts;
  private Instant nextAttemptAt;
  private String lastError;
  private Instant createdAt;
  private Instant sentAt;

  protected RobotDelivery() {}

  RobotDelivery(Long robotId, Long filingId, String title, String body, String link, Instant now) {
    this.robotId = robotId;
    this.filingId = filingId;
    this.title = title;
    this.body = body;
    this.link = link;
    this.status = DeliveryStatus.PENDING;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  boolean due(Instant now) {
    return (status == DeliveryStatus.PENDING || status == DeliveryStatus.SENDING)
        && nextAttemptAt != null
        && !nextAttemptAt.isAfter(now);
  }

  /** Taken by one node until {@code leaseEnd}; committed before the webhook is called. */
  void claim(Instant leaseEnd) {
    status = DeliveryStatus.SENDING;
    nextAttemptAt = leaseEnd;
  }

  void sent(Instant now) {
    status = DeliveryStatus.SENT;
    attempts++;
    nextAttemptAt = null;
    lastError = null;
    sentAt = now;
  }

  void failed(String error, Instant now, int maxAttempts) {
    attempts++;
    lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
    if (attempts >= maxAttempts) {
      status = DeliveryStatus.FAILED;
      nextAttemptAt = null;
    } else {
      status = DeliveryStatus.PENDING;
      nextAttemptAt = now.plus(Duration.ofMinutes(1L << (attempts - 1)));
    }
  }

  public Long id() {
    return id;
  }

  public Long robotId() {
    return robotId;
  }

  public Long filingId() {
    return filingId;
  }

  public String title() {
    return title;
  }

  public String body() {
    return body;
  }

  public String link() {
    return link;
  }

  public DeliveryStatus status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public String lastError() {
    return lastError;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant sentAt() {
    return sentAt;
  }
}
