package org.qunbei.filing;

import java.time.Instant;
import java.util.List;

/**
 * A filing as a decision reads and changes it: whose it is, what it is called and where its review
 * stands, without its form. A decision is the chain's most frequent write; reading and writing
 * these columns alone ({@link FilingReviews}) spares it the ~80-column aggregate, Hibernate's dirty
 * checks and an update of every column (ADR 26). What a step's decision does to a filing is decided
 * here, and only here.
 */
public record FilingReview(
    Long id,
    long version,
    String number,
    String groupName,
    String departmentCode,
    boolean classified,
    String createdBy,
    FilingStatus status,
    String currentStep,
    String assignee,
    int round,
    int dissolutionRound,
    Long groupId,
    Long previousId,
    Instant stepSince,
    Instant filedAt,
    Instant dissolvedAt)
    implements Reviewable {

  /** The review of a filing loaded whole, as it stands in memory. */
  public static FilingReview of(Filing f) {
    return new FilingReview(
        f.id(),
        f.version(),
        f.number(),
        f.groupName(),
        f.departmentCode(),
        f.classified(),
        f.createdBy(),
        f.status(),
        f.currentStep(),
        f.assignee(),
        f.round(),
        f.dissolutionRound(),
        f.groupId(),
        f.lineage().previousId(),
        f.stepSince(),
        f.filedAt(),
        f.dissolvedAt());
  }

  /**
   * What a decision changed: the review before and after it, whether it refused a dissolution
   * report (whose record is then cleared) and the events the change announces.
   */
  public record Decided(
      FilingReview before,
      FilingReview after,
      Instant at,
      boolean refusedDissolution,
      List<Object> events) {}

  /** The step approves: the filing moves on to the next step, or is FILED after the last. */
  public Decided approve(String step, String nextStep, Instant now) {
    requireAt(step);
    if (dissolving() && nextStep == null) {
      FilingReview after = leaving(FilingStatus.DISSOLVED, filedAt, now);
      return decided(after, now, false, new FilingDissolved(id, groupId));
    }
    if (nextStep == null) {
      FilingReview after = leaving(FilingStatus.FILED, now, dissolvedAt);
      return decided(after, now, false, new FilingFiled(id, groupId, previousId));
    }
    return decided(at(status, nextStep, now, filedAt, dissolvedAt), now, false);
  }

  /** The step returns the filing to the applicant for correction; it can be resubmitted. */
  public Decided returnForCorrection(String step, Instant now) {
    requireAt(step);
    if (dissolving()) {
      return refusingDissolution(now);
    }
    return decided(leaving(FilingStatus.RETURNED, filedAt, dissolvedAt), now, false);
  }

  /** The step rejects the filing; that is final. */
  public Decided reject(String step, Instant now) {
    requireAt(step);
    if (dissolving()) {
      return refusingDissolution(now);
    }
    return decided(
        leaving(FilingStatus.REJECTED, filedAt, dissolvedAt), now, false, new FilingClosed(id));
  }

  /** A refused report (returned or rejected): the group goes on, the decisions stay on record. */
  private Decided refusingDissolution(Instant now) {
    return decided(leaving(status, filedAt, dissolvedAt), now, true);
  }

  private Decided decided(FilingReview after, Instant now, boolean refused, Object... events) {
    return new Decided(this, after, now, refused, List.of(events));
  }

  /** The review ends: no step waits, nobody holds the task. */
  private FilingReview leaving(FilingStatus to, Instant filed, Instant dissolved) {
    return at(to, null, stepSince, filed, dissolved);
  }

  private FilingReview at(
      FilingStatus to, String step, Instant since, Instant filed, Instant dissolved) {
    return new FilingReview(
        id,
        version + 1,
        number,
        groupName,
        departmentCode,
        classified,
        createdBy,
        to,
        step,
        null,
        round,
        dissolutionRound,
        groupId,
        previousId,
        since,
        filed,
        dissolved);
  }
}
