package org.qunbei.filing;

/**
 * What the chain needs to know of a filing to route, decide and tell of it: whose it is, what it is
 * called, and where its review stands. The whole aggregate ({@link Filing}) is one; the review a
 * decision reads alone ({@link FilingReview}) is another. Where a review stands is derived here,
 * once, for both.
 */
public interface Reviewable {

  Long id();

  long version();

  String number();

  String groupName();

  String departmentCode();

  boolean classified();

  String createdBy();

  FilingStatus status();

  /** The approval step deciding now; null when none does. */
  String currentStep();

  /** The colleague the current step was handed to (转办, 委托), if any. */
  String assignee();

  /** How many times the filing was submitted: each round goes through the chain again. */
  int round();

  /** How many dissolution reports were made: the round their decisions are recorded under. */
  int dissolutionRound();

  /** A dissolution report of this filed group waits for a step. */
  default boolean dissolving() {
    return status() == FilingStatus.FILED && currentStep() != null;
  }

  /** A step decides now: the form's review, or a filed group's dissolution report. */
  default boolean underReview() {
    return status() == FilingStatus.IN_REVIEW || dissolving();
  }

  /** The round the current step's decision is recorded under. */
  default int decisionRound() {
    return dissolving() ? dissolutionRound() : round();
  }

  /** Refuses a change of a step that no longer waits: the review ended, or the step moved on. */
  default void requireAt(String step) {
    if (!underReview()) {
      throw new org.qunbei.shared.StateConflictException("filing.notInReview", status());
    }
    if (!step.equals(currentStep())) {
      throw new org.qunbei.shared.StateConflictException("filing.stepMoved");
    }
  }
}
