package org.qunbei.filing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.DepartmentInfo;
import org.qunbei.accounts.DepartmentKind;
import org.qunbei.accounts.Directory;
import org.qunbei.calendar.WorkingDays;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.NotFoundException;
import org.qunbei.shared.StaleVersionException;
import org.qunbei.shared.StateConflictException;
import org.qunbei.shared.Violations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Drafting and submitting filings; every call checks who is asking. */
@Service
@Transactional
public class FilingService {

  private static final EnumSet<FilingStatus> ACTIVE =
      EnumSet.of(FilingStatus.IN_REVIEW, FilingStatus.RETURNED, FilingStatus.FILED);

  private final Filings filings;
  private final GroupQrCodes qrCodes;
  private final FilingRules rules;
  private final FilingNumbers numbers;
  private final Directory directory;
  private final ApplicationEventPublisher events;
  private final ReviewRouting review;
  private final GroupClaims claims;
  private final GroupVersions versions;
  private final WorkingDays workingDays;
  private final Clock clock;

  FilingService(
      Filings filings,
      GroupQrCodes qrCodes,
      FilingRules rules,
      FilingNumbers numbers,
      Directory directory,
      ApplicationEventPublisher events,
      ReviewRouting review,
      GroupClaims claims,
      GroupVersions versions,
      WorkingDays workingDays,
      Clock clock) {
    this.filings = filings;
    this.qrCodes = qrCodes;
    this.rules = rules;
    this.numbers = numbers;
    this.directory = directory;
    this.events = events;
    this.review = review;
    this.claims = claims;
    this.versions = versions;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  public Filing createDraft(CurrentUser user, FilingContent content) {
    if (!user.canFile()) {
      throw new ForbiddenException("filing.notApplicant");
    }
    FilingContent owned = checkedDraft(user, content);
    Filing filing = filings.saveAndFlush(Filing.draft(owned, user.username(), clock.instant()));
    events.publishEvent(new FilingEdited(filing.id(), true, user.username(), filing.version()));
    return filing;
  }

  public Filing update(CurrentUser user, long id, FilingContent content, Long expectedVersion) {
    Filing filing = editable(user, id, expectedVersion);
    filing.revise(checkedDraft(user, content), clock.instant());
    filings.saveAndFlush(filing);
    events.publishEvent(new FilingEdited(filing.id(), false, user.username(), filing.version()));
    return filing;
  }

  /** Enforces every rule, assigns the number at the first submission, and starts the review. */
  public Filing submit(CurrentUser user, long id, Long expectedVersion) {
    Filing filing = editable(user, id, expectedVersion);
    FilingContent content = filing.content().normalized();
    Violations v = rules.checkSubmission(content);
    sameGroupNumber(filing, content)
        .ifPresent(other -> v.add("groupNumber", "filing.groupNumber.duplicate", other.number()));
    v.throwIfAny();
    Instant now = clock.instant();
    filing.reviseForSubmission(content, now);
    LocalDate today = LocalDate.now(clock);
    String number = filing.needsNumber() ? numbers.next(Year.from(today)) : null;
    var acceptance = new CommitmentAcceptance(user.username(), user.displayName(), now);
    filing.submit(number, review.firstStep(filing), acceptance, today, now);
    claims.claim(filing);
    filings.saveAndFlush(filing);
    events.publishEvent(new FilingSubmitted(FilingReview.of(filing), user.username()));
    return filing;
  }

  /**
   * A new draft with the content of an earlier filing — typically a rejected one, which is final:
   * the applicant starts again from what was filed rather than from nothing.
   */
  public Filing copyAsDraft(CurrentUser user, long id) {
    Filing source = get(user, id);
    if (!FilingAccess.mayEdit(user, source)) {
      throw new ForbiddenException("filing.notYours");
    }
    // A filed group changes through a change filing; a copy would be a second record of it.
    if (source.status() != FilingStatus.REJECTED) {
      throw new StateConflictException("filing.copy.onlyRejected", source.status());
    }
    return createDraft(user, source.content());
  }

  /**
   * Starts a change filing (变更备案) of a filed group: a draft holding the current version's content
   * and QR image, due {@value #CHANGE_WORKING_DAYS} working days after the change (commitment 4).
   * One change of a version at a time.
   */
  public Filing startChange(CurrentUser user, long id, ChangeRequest request) {
    Filing current = get(user, id);
    if (!FilingAccess.mayEdit(user, current)) {
      throw new ForbiddenException("filing.notYours");
    }
    if (current.status() != FilingStatus.FILED) {
      throw new StateConflictException("filing.change.notFiled", current.status());
    }
    if (current.dissolving()) {
      throw new StateConflictException("filing.change.dissolving");
    }
    Optional<Filing> open = versions.openChangeOf(current);
    if (open.isPresent()) {
      throw new StateConflictException("filing.change.open", open.get().id());
    }
    checkChange(current, request).throwIfAny();
    Instant now = clock.instant();
    LocalDate due = workingDays.deadline(request.changedOn(), CHANGE_WORKING_DAYS).date();
    Filing change =
        filings.saveAndFlush(Filing.changeOf(current, request, due, user.username(), now));
    qrCodes
        .findById(current.id())
        .ifPresent(qr -> qrCodes.save(GroupQrCode.copyOf(qr, change.id(), now)));
    events.publishEvent(new FilingEdited(change.id(), true, user.username(), change.version()));
    return change;
  }

  /**
   * Commitment 4: a change is filed again, and a dissolution reported, within five working days.
   */
  public static final int CHANGE_WORKING_DAYS = 5;

  /**
   * Reports a filed group dissolved (解散报备): the report goes to the dissolution chain's first step;
   * the group stays active until the chain completes, then it is DISSOLVED and its number free.
   * Nothing is deleted.
   */
  public Filing reportDissolution(CurrentUser user, long id, DissolutionRequest request) {
    Filing filing = get(user, id);
    if (!FilingAccess.mayEdit(user, filing)) {
      throw new ForbiddenException("filing.notYours");
    }
    if (filing.status() != FilingStatus.FILED) {
      throw new StateConflictException("filing.dissolution.notFiled", filing.status());
    }
    if (filing.dissolving()) {
      throw new StateConflictException("filing.dissolution.open");
    }
    Optional<Filing> change = versions.openChangeOf(filing);
    if (change.isPresent()) {
      throw new StateConflictException("filing.dissolution.changeOpen", change.get().id());
    }
    checkDissolution(filing, request).throwIfAny();
    Instant now = clock.instant();
    LocalDate due = workingDays.deadline(request.dissolvedOn(), CHANGE_WORKING_DAYS).date();
    filing.reportDissolution(
        new DissolutionReport(
            request.dissolvedOn(), request.reason().strip(), user.username(), now, due),
        review.firstDissolutionStep(),
        now);
    filings.saveAndFlush(filing);
    events.publishEvent(new DissolutionReported(FilingReview.of(filing), user.username()));
    return filing;
  }

  private Violations checkDissolution(Filing filing, DissolutionRequest request) {
    var v = new Violations();
    LocalDate on = request == null ? null : request.dissolvedOn();
    LocalDate created = filing.content().createdOn();
    if (on == null) {
      v.add("dissolvedOn", "filing.dissolution.dissolvedOn.required");
    } else if (on.isAfter(LocalDate.now(clock))) {
      v.add("dissolvedOn", "filing.dissolution.dissolvedOn.future");
    } else if (created != null && on.isBefore(created)) {
      v.add("dissolvedOn", "filing.dissolution.dissolvedOn.beforeCreated", created);
    }
    reason(v, request == null ? null : request.reason(), "filing.dissolution.reason.required");
    return v;
  }

  /** What changed or why the group ended: required, and as long as a paper box holds. */
  private static void reason(Violations v, String reason, String requiredCode) {
    if (reason == null || reason.isBlank()) {
      v.add("reason", requiredCode);
    } else if (reason.strip().length() > ChangeRequest.REASON_LENGTH) {
      v.add("reason", "filing.reason.tooLong", ChangeRequest.REASON_LENGTH);
    }
  }

  private Violations checkChange(Filing current, ChangeRequest request) {
    var v = new Violations();
    LocalDate today = LocalDate.now(clock);
    LocalDate on = request == null ? null : request.changedOn();
    if (on == null) {
      v.add("changedOn", "filing.change.changedOn.required");
    } else if (on.isAfter(today)) {
      v.add("changedOn", "filing.change.changedOn.future");
    } else if (current.content().createdOn() != null
        && on.isBefore(current.content().createdOn())) {
      v.add("changedOn", "filing.change.changedOn.beforeCreated", current.content().createdOn());
    }
    reason(v, request == null ? null : request.reason(), "filing.change.reason.required");
    return v;
  }

  /** Every version of the filing's group the caller may see, the first one first. */
  @Transactional(readOnly = true)
  public List<Filing> versions(CurrentUser user, long id) {
    Filing any = get(user, id);
    return versions.of(any).stream()
        .filter(
            f ->
                FilingAccess.mayView(user, f) || review.mayRead(user, f) || f.id().equals(any.id()))
        .toList();
  }

  /**
   * Two versions of one group compared, {@code fromId} the older: both must be visible to the
   * caller. A version of another group is refused by name.
   */
  @Transactional(readOnly = true)
  public List<FormDiff.Row> compare(CurrentUser user, long id, long fromId) {
    Filing to = get(user, id);
    Filing from = get(user, fromId);
    if (!from.groupId().equals(to.groupId())) {
      throw org.qunbei.shared.InvalidInputException.of("from", "filing.diff.otherGroup");
    }
    return FormDiff.rows(contentFor(user, from), contentFor(user, to));
  }

  /**
   * What a change filing changes in the version it is to replace: what its approvers review. The
   * version changed is read on the change's authority (same group, same department), so an approver
   * who may see the change sees what it changes.
   */
  @Transactional(readOnly = true)
  public Optional<List<FormDiff.Row>> changeUnderReview(CurrentUser user, Filing change) {
    Long previous = change.lineage().previousId();
    if (previous == null) {
      return Optional.empty();
    }
    return filings
        .findById(previous)
        .map(p -> FormDiff.rows(contentFor(user, p, change), contentFor(user, change)));
  }

  /** The applicant takes the submission back while its first step has not decided. */
  public Filing withdraw(CurrentUser user, long id, Long expectedVersion) {
    Filing filing = editable(user, id, expectedVersion);
    filing.withdraw(review.firstStep(filing), clock.instant());
    filings.saveAndFlush(filing);
    events.publishEvent(new FilingWithdrawn(filing.id(), user.username(), filing.version()));
    return filing;
  }

  @Transactional(readOnly = true)
  public Filing get(CurrentUser user, long id) {
    return filings
        .findById(id)
        .filter(f -> FilingAccess.mayView(user, f) || review.mayRead(user, f))
        .orElseThrow(() -> new NotFoundException("filing " + id));
  }

  /**
   * A filing without any scoping, with its team, for the public verification of a printout only:
   * the caller recomputes the printout's digest from it and shows no phone number of what it gets.
   */
  @Transactional(readOnly = true)
  public Optional<Filing> forVerification(long id) {
    return filings.findById(id);
  }

  /** Filings of the same department with the same group name: probably the same group. */
  @Transactional(readOnly = true)
  public List<SimilarFiling> similar(Filing filing) {
    if (filing.groupName() == null || filing.groupName().isBlank()) {
      return List.of();
    }
    return filings
        .findByGroupName(
            filing.departmentCode(), filing.groupName().strip(), ACTIVE, filing.groupId())
        .stream()
        .map(SimilarFiling::of)
        .toList();
  }

  /** The upload as it came, with the content type and file name it declared (either null). */
  public GroupQrCode attachQrCode(
      CurrentUser user, long id, byte[] upload, String declaredType, String fileName) {
    Filing filing = editable(user, id, null);
    if (!filing.status().isEditable()) {
      throw new StateConflictException("filing.qrCode.locked", filing.status());
    }
    QrImage qr = QrImage.read(upload, declaredType, fileName);
    Instant now = clock.instant();
    Optional<GroupQrCode> existing = qrCodes.findById(filing.id());
    existing.ifPresent(q -> q.replace(qr, now));
    GroupQrCode attached =
        existing.orElseGet(() -> qrCodes.save(new GroupQrCode(filing.id(), qr, now)));
    events.publishEvent(
        new QrCodeAttached(filing.id(), existing.isPresent(), user.username(), filing.version()));
    return attached;
  }

  @Transactional(readOnly = true)
  public Optional<GroupQrCode> qrCode(CurrentUser user, long id) {
    return qrCode(get(user, id));
  }

  /**
   * The filing's content as this user may see it: whole for its department, its leader in charge,
   * the cyberspace office, whoever decides or decided a step of it, and whoever may still change it
   * ({@link FilingAccess#maySeeMobiles}); with the team's mobiles masked for anyone else who may
   * see the filing (one who filed it for a department they have since left, once it is out of their
   * hands).
   */
  public FilingContent contentFor(CurrentUser user, Filing visible) {
    return contentFor(user, visible, visible);
  }

  /** The content of {@code shown}, whole or masked as the caller may see {@code authority}. */
  private FilingContent contentFor(CurrentUser user, Filing shown, Filing authority) {
    boolean whole =
        FilingAccess.maySeeMobiles(
                user, authority.departmentCode(), authority.createdBy(), authority.status())
            || review.involves(user, authority);
    return whole ? shown.content() : shown.content().withMobilesMasked();
  }

  /** The QR code of a filing the caller already holds through {@link #get} (so may see). */
  @Transactional(readOnly = true)
  public Optional<GroupQrCode> qrCode(Filing visible) {
    return qrCodes.findById(visible.id());
  }

  private Optional<Filing> sameGroupNumber(Filing filing, FilingContent c) {
    return sameGroupNumber(filing.groupId(), c);
  }

  /** An active filing of another group with this group number: the same chat group twice. */
  private Optional<Filing> sameGroupNumber(Long group, FilingContent c) {
    if (c.groupType() == null || c.groupNumber() == null || c.groupNumber().isBlank()) {
      return Optional.empty();
    }
    return filings.findOfOtherGroups(c.groupType(), c.groupNumber().strip(), ACTIVE, group).stream()
        .findFirst();
  }

  /**
   * What the draft-level rules find in content that a page could only partly parse, so that the
   * page shows every problem of a save in one round.
   */
  public Violations draftProblems(FilingContent content) {
    return rules.checkDraft(content);
  }

  /**
   * What is wrong with a paper-era filing, by the same rules as an online submission (fields named
   * as in the API), plus an unknown department, a group number another active filing holds, and a
   * paper number shaped like an online one (the online sequence would reach it one day).
   */
  @Transactional(readOnly = true)
  public Violations checkPaper(PaperFiling paper) {
    FilingContent content = paper.content().normalized();
    Violations v = rules.checkSubmission(content);
    if (FilingNumbers.isOnlineShape(paper.number())) {
      v.add("number", "filing.number.onlineShape", paper.number());
    }
    if (content.departmentCode() != null
        && directory.department(content.departmentCode()).isEmpty()) {
      v.add("departmentCode", "filing.department.unknown", content.departmentCode());
    }
    sameGroupNumber(-1L, content)
        .ifPresent(other -> v.add("groupNumber", "filing.groupNumber.duplicate", other.number()));
    return v;
  }

  /** The id of the filing numbered so, for the auditor's search (only the id comes back). */
  @Transactional(readOnly = true)
  public Optional<Long> idOfNumber(String number) {
    return filings.findByNumber(number).map(Filing::id);
  }

  /** Where the filing holding this number came from, if one does. */
  @Transactional(readOnly = true)
  public Optional<FilingOrigin> numberHolder(String number) {
    return filings.findByNumber(number).map(Filing::origin);
  }

  /**
   * Files paper-era filings, all in one transaction: each checked again by {@link #checkPaper} (the
   * caller checked them, but another import may have run since), each FILED under its paper number
   * with its group number claimed, each in the audit trail. A workbook of the most rows allowed
   * (5,000) takes minutes on a busy two-core server, far past a request's 60 s: this transaction
   * has ten.
   */
  @Transactional(timeout = 600)
  public List<Filing> importPaper(CurrentUser importer, List<PaperFiling> papers) {
    Instant now = clock.instant();
    List<Filing> filed = new java.util.ArrayList<>();
    for (PaperFiling paper : papers) {
      checkPaper(paper).throwIfAny();
      Filing filing = filings.saveAndFlush(Filing.fromPaper(paper, importer.username(), now));
      claims.claim(filing);
      filed.add(filing);
    }
    filed.forEach(
        f ->
            events.publishEvent(
                new FilingImported(
                    f.id(), f.number(), f.departmentCode(), importer.username(), f.version())));
    return filed;
  }

  /** The filing, if the user is one of its department's applicants, at the expected version. */
  private Filing editable(CurrentUser user, long id, Long expectedVersion) {
    Filing filing = get(user, id);
    if (!FilingAccess.mayEdit(user, filing)) {
      throw new ForbiddenException("filing.notYours");
    }
    if (expectedVersion != null && expectedVersion != filing.version()) {
      throw new StaleVersionException(filing.version());
    }
    return filing;
  }

  /** The content under the department the server decides, with every format problem at once. */
  private FilingContent checkedDraft(CurrentUser user, FilingContent content) {
    var v = new Violations();
    FilingContent owned = content.withDepartment(departmentFor(user, content.departmentCode(), v));
    v.addAll(rules.checkDraft(owned));
    v.throwIfAny();
    return owned;
  }

  /**
   * The server decides the department: an applicant files for their own department, or for a
   * cross-department working group of the directory; nothing else, whatever the body says.
   */
  private String departmentFor(CurrentUser user, String requested, Violations v) {
    if (requested == null || requested.isBlank() || requested.equals(user.departmentCode())) {
      return user.departmentCode();
    }
    Optional<DepartmentInfo> dept = directory.department(requested.strip());
    if (dept.isEmpty()) {
      v.add("departmentCode", "filing.department.unknown", requested);
    } else if (dept.get().kind() != DepartmentKind.WORKING_GROUP) {
      v.add("departmentCode", "filing.department.notYours");
    } else {
      return dept.get().code();
    }
    return user.departmentCode();
  }
}
