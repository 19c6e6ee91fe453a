package org.qunbei.filing;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.qunbei.shared.StateConflictException;

/**
 * One filing of one work group: the paper form, sections 一 to 四, and where it stands.
 *
 * <p>The aggregate guards its own state: content changes only through {@link #revise} while the
 * filing is editable, and it leaves DRAFT only through {@link #submit}. A step's decision is the
 * exception, for speed: it changes the review's columns alone, by the rules of {@link
 * FilingReview}, through {@link FilingReviews} (ADR 26). The version column makes concurrent
 * changes fail instead of overwriting each other, on either path.
 */
@Entity
@Table(name = "filing")
public class Filing extends org.springframework.data.domain.AbstractAggregateRoot<Filing>
    implements Reviewable {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version private long version;

  private String number;

  @Enumerated(EnumType.STRING)
  private FilingStatus status;

  /** The approval step deciding now, while IN_REVIEW; step codes come from the chain's config. */
  private String currentStep;

  /** The colleague the current step was handed to (转办), if any; cleared when the step moves. */
  private String assignee;

  /** Since when the current step waits: what the sweep of stalled steps measures. */
  private Instant stepSince;

  /** How many times the filing was submitted: each round goes through the chain again. */
  @Column(name = "review_round")
  private int round;

  private String createdBy;
  private Instant createdAt;
  private Instant updatedAt;
  private Instant submittedAt;
  private LocalDate filledOn;

  /** Sections 一 to 四 as stored; queries reach a field as {@code form.groupName}. */
  @Embedded private FilingContent.Editor form = new FilingContent.Editor();

  @Embedded private CommitmentAcceptance acceptance;

  @Embedded private Lineage lineage = Lineage.first();

  /** When the last step approved; the version is the group's current one from then on. */
  private Instant filedAt;

  /** The dissolution report under review or completed; null when none is open or done. */
  @Embedded private DissolutionReport dissolution;

  /** How many dissolution reports were made: the round their decisions are recorded under. */
  private int dissolutionRound;

  private Instant dissolvedAt;

  @Enumerated(EnumType.STRING)
  private FilingOrigin origin = FilingOrigin.ONLINE;

  protected Filing() {}

  /** A new draft of a department's filing; drafts may be incomplete. */
  public static Filing draft(FilingContent content, String createdBy, Instant now) {
    var filing = new Filing();
    filing.status = FilingStatus.DRAFT;
    filing.createdBy = createdBy;
    filing.createdAt = now;
    filing.apply(content, now, false);
    return filing;
  }

  /**
   * A change filing (变更备案) of the group's current version: a draft holding its content, to be
   * edited and submitted through the whole chain; when it is filed, {@code current} is superseded.
   */
  public static Filing changeOf(
      Filing current, ChangeRequest change, LocalDate dueBy, String createdBy, Instant now) {
    if (current.status != FilingStatus.FILED) {
      throw new StateConflictException("filing.change.notFiled", current.status);
    }
    Filing filing = draft(current.content(), createdBy, now);
    filing.lineage = Lineage.changeOf(current, change, dueBy);
    return filing;
  }

  /**
   * A filing filed on paper before Qunbei: FILED at once under its paper number and fill date. Its
   * approvals are on the paper original; none went through Qunbei's chain, so it has no round.
   */
  public static Filing fromPaper(PaperFiling paper, String importedBy, Instant now) {
    var filing = new Filing();
    filing.status = FilingStatus.FILED;
    filing.origin = FilingOrigin.PAPER;
    filing.number = paper.number();
    filing.filledOn = paper.filledOn();
    filing.createdBy = importedBy;
    filing.createdAt = now;
    filing.filedAt = now;
    filing.apply(paper.content().normalized(), now, false);
    return filing;
  }

  /**
   * Replaces the applicant's content; only a draft or a returned filing can change. Every row of
   * the team is written again, so an edit also encrypts a mobile stored in plain text before
   * encryption was on.
   */
  public void revise(FilingContent content, Instant now) {
    requireEditable();
    apply(content, now, false);
  }

  /**
   * Replaces the content with its normalized form as it is submitted. A team the normalizing left
   * as it was keeps its rows: writing them all again was two round trips and a row per member of
   * every submission (ADR 26). A plain-text mobile from before encryption stays so until the next
   * edit or the re-keying command (docs/operations.md).
   */
  public void reviseForSubmission(FilingContent normalized, Instant now) {
    requireEditable();
    apply(normalized, now, true);
  }

  /**
   * Sends the filing into review at the first step, as a new round. The number is given once, at
   * the first submission, and kept through every later round.
   */
  public void submit(
      String newNumber,
      String firstStep,
      CommitmentAcceptance acceptedBy,
      LocalDate today,
      Instant now) {
    requireEditable();
    acceptance = acceptedBy;
    if (number == null) {
      number = newNumber;
      filledOn = today;
    }
    status = FilingStatus.IN_REVIEW;
    currentStep = firstStep;
    stepSince = now;
    assignee = null;
    round++;
    submittedAt = now;
    updatedAt = now;
  }

  /**
   * The applicant takes the submission back while it still waits at the first step: it becomes a
   * draft again and keeps its number.
   */
  public void withdraw(String firstStep, Instant now) {
    requireAt(firstStep);
    registerEvent(new FilingClosed(id));
    leaveReview(FilingStatus.DRAFT, now);
  }

  /**
   * Its group's change filing was filed: this version stays readable and printable, no longer
   * current.
   */
  public void supersede(Long byFilingId, Instant now) {
    if (status != FilingStatus.FILED) {
      throw new StateConflictException("filing.notFiled", status);
    }
    status = FilingStatus.SUPERSEDED;
    updatedAt = now;
    registerEvent(new FilingSuperseded(id, byFilingId, version + 1));
  }

  /**
   * The department reports the group dissolved: the filing stays FILED, its group active, while the
   * dissolution chain decides, starting at {@code firstStep}.
   */
  public void reportDissolution(DissolutionReport report, String firstStep, Instant now) {
    if (status != FilingStatus.FILED) {
      throw new StateConflictException("filing.dissolution.notFiled", status);
    }
    if (dissolving()) {
      throw new StateConflictException("filing.dissolution.open");
    }
    dissolution = report;
    dissolutionRound++;
    currentStep = firstStep;
    stepSince = now;
    assignee = null;
    updatedAt = now;
  }

  @Override
  public int dissolutionRound() {
    return dissolutionRound;
  }

  public DissolutionReport dissolution() {
    return dissolution;
  }

  public Instant dissolvedAt() {
    return dissolvedAt;
  }

  private void leaveReview(FilingStatus to, Instant now) {
    status = to;
    currentStep = null;
    assignee = null;
    updatedAt = now;
  }

  /** The current step is handed to a colleague, who alone decides it now. */
  public void assign(String step, String colleague, Instant now) {
    requireAt(step);
    assignee = colleague;
    updatedAt = now;
  }

  /** Who accepted section 四 on line and when; null for a draft or a paper-era filing. */
  public CommitmentAcceptance acceptance() {
    return acceptance;
  }

  public boolean needsNumber() {
    return number == null;
  }

  private void requireEditable() {
    if (!status.isEditable()) {
      throw new StateConflictException("filing.notEditable", status);
    }
  }

  private void apply(FilingContent c, Instant now, boolean keepEqualTeam) {
    List<TeamMember> before = form == null ? null : form.team;
    form = new FilingContent.Editor(c);
    // A list of its own: Hibernate takes over the collection, and the record's is unmodifiable.
    // Kept, Hibernate writes none of its rows (its bag compares by identity, hence the copy).
    form.team =
        keepEqualTeam && before != null && new ArrayList<>(before).equals(c.team())
            ? before
            : new ArrayList<>(c.team());
    updatedAt = now;
  }

  public FilingContent content() {
    return form.build();
  }

  /** The group's identity, the same on every version: the id of its first filing. */
  public Long groupId() {
    return lineage.groupId() == null ? id : lineage.groupId();
  }

  /** Filed after its due day, or not filed once it passed ({@link Lineage#late}). */
  public boolean late(java.time.Clock clock) {
    return lineage.late(status, filedAt, clock);
  }

  public Lineage lineage() {
    return lineage;
  }

  public Instant filedAt() {
    return filedAt;
  }

  public FilingOrigin origin() {
    return origin;
  }

  public Long id() {
    return id;
  }

  public long version() {
    return version;
  }

  public String number() {
    return number;
  }

  public FilingStatus status() {
    return status;
  }

  public String currentStep() {
    return currentStep;
  }

  public int round() {
    return round;
  }

  public Instant stepSince() {
    return stepSince;
  }

  public String assignee() {
    return assignee;
  }

  public boolean classified() {
    return Boolean.TRUE.equals(form.classified);
  }

  public String departmentCode() {
    return form.departmentCode;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public LocalDate filledOn() {
    return filledOn;
  }

  public String groupName() {
    return form.groupName;
  }

  // The registry's and the inbox's lines read these per row: straight from the columns, for
  // content() would load each filing's team as well.

  public GroupType groupType() {
    return form.groupType;
  }

  public String groupNumber() {
    return form.groupNumber;
  }

  public Integer memberCount() {
    return form.memberCount;
  }
}
