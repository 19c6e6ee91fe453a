package org.qunbei.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.qunbei.shared.StateConflictException;

/**
 * A decider away (委托): from {@code startsOn} to {@code endsOn}, both school days inclusive, tasks
 * arriving for them go to {@code delegate}. Kept after it ends, with when: cancelled by its owner
 * ({@link #cancel}) or ended by itself once its last day has passed ({@link #expire}).
 */
@Entity
@Table(name = "delegation")
public class Delegation {

  /** Where a delegation stands on a given day. */
  public enum State {
    SCHEDULED,
    ACTIVE,
    ENDED,
    CANCELLED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String delegator;
  private String delegatorName;

  @Column(name = "delegate_user")
  private String delegate;

  private String delegateName;
  private LocalDate startsOn;
  private LocalDate endsOn;
  private Instant createdAt;
  private Instant endedAt;
  private boolean cancelled;

  protected Delegation() {}

  Delegation(
      String delegator,
      String delegatorName,
      String delegate,
      String delegateName,
      LocalDate startsOn,
      LocalDate endsOn,
      Instant now) {
    this.delegator = delegator;
    this.delegatorName = delegatorName;
    this.delegate = delegate;
    this.delegateName = delegateName;
    this.startsOn = startsOn;
    this.endsOn = endsOn;
    this.createdAt = now;
  }

  /** Whether tasks arriving on this day go to the delegate. */
  public boolean runsOn(LocalDate day) {
    return endedAt == null && !day.isBefore(startsOn) && !day.isAfter(endsOn);
  }

  /** Whether its days meet the period (both ends inclusive) while it is not ended. */
  boolean overlaps(LocalDate from, LocalDate to) {
    return endedAt == null && !from.isAfter(endsOn) && !to.isBefore(startsOn);
  }

  public State stateOn(LocalDate day) {
    if (cancelled) {
      return State.CANCELLED;
    }
    if (endedAt != null || day.isAfter(endsOn)) {
      return State.ENDED;
    }
    return day.isBefore(startsOn) ? State.SCHEDULED : State.ACTIVE;
  }

  /** Its owner ends it now: tasks arriving from now on are theirs again. */
  void cancel(LocalDate today, Instant now) {
    if (stateOn(today) == State.ENDED || stateOn(today) == State.CANCELLED) {
      throw new StateConflictException("delegation.alreadyEnded");
    }
    cancelled = true;
    endedAt = now;
  }

  /** Its last day has passed: recorded as ended by itself. */
  void expire(Instant now) {
    if (endedAt == null) {
      endedAt = now;
    }
  }

  public Long id() {
    return id;
  }

  public String delegator() {
    return delegator;
  }

  public String delegatorName() {
    return delegatorName;
  }

  public String delegate() {
    return delegate;
  }

  public String delegateName() {
    return delegateName;
  }

  public LocalDate startsOn() {
    return startsOn;
  }

  public LocalDate endsOn() {
    return endsOn;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant endedAt() {
    return endedAt;
  }
}
