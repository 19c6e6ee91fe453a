package org.qunbei.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.DepartmentInfo;
import org.qunbei.accounts.Directory;
import org.qunbei.accounts.DirectoryPerson;
import org.qunbei.accounts.Role;
import org.qunbei.accounts.Users;
import org.qunbei.filing.CopyCard;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingAccess;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.Filings;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.NotFoundException;
import org.qunbei.shared.StateConflictException;
import org.qunbei.shared.Violations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 抄送: a filing copied to people who must know of it but not decide it. Who may copy: whoever
 * decides its current step, and the applicant's side — whoever may edit it (its creator and the
 * applicants of its department) — once it left the draft stage. A copied person reads the filing
 * (page, printouts, API) as long as it exists; they never decide or edit it, and see the team's
 * mobiles masked unless another rule shows them whole.
 */
@Service
public class Copies {

  private final Filings filings;
  private final FilingCopies copies;
  private final ApprovalService approvals;
  private final Users users;
  private final Directory directory;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;

  Copies(
      Filings filings,
      FilingCopies copies,
      ApprovalService approvals,
      Users users,
      Directory directory,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock) {
    this.filings = filings;
    this.copies = copies;
    this.approvals = approvals;
    this.users = users;
    this.directory = directory;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
  }

  /** Copies the filing to each person named; all of them or, when one is refused, none. */
  public List<String> copy(CurrentUser user, long filingId, CopyRequest request) {
    try {
      return tx.execute(status -> copyNow(user, filingId, request));
    } catch (DataIntegrityViolationException raced) {
      // Someone else copied it to one of them at the same moment (the unique key).
      throw new StateConflictException("approval.copy.raced");
    }
  }

  private List<String> copyNow(CurrentUser user, long filingId, CopyRequest request) {
    Filing filing =
        filings
            .findForReview(filingId)
            .filter(
                f -> FilingAccess.mayView(user, f) || approvals.involves(user, f) || reads(user, f))
            .orElseThrow(() -> new NotFoundException("filing " + filingId));
    // Who may copy first, then when: a draft is a state conflict for its applicants alone.
    if (!FilingAccess.mayEdit(user, filing) && !approvals.mayDecide(user, filing)) {
      throw new ForbiddenException("approval.copy.notAllowed");
    }
    if (filing.status() == FilingStatus.DRAFT) {
      throw new StateConflictException("approval.copy.draft");
    }
    var v = new Violations();
    List<String> names = request.users() == null ? List.of() : request.users();
    List<CurrentUser> to = new ArrayList<>();
    if (names.isEmpty()) {
      v.add("users", "approval.copy.usersRequired");
    } else if (names.size() > CopyRequest.MAX_USERS) {
      v.add("users", "approval.copy.tooMany", CopyRequest.MAX_USERS, names.size());
    } else {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < names.size(); i++) {
        String field = "users[" + i + "]";
        String name = names.get(i) == null ? "" : names.get(i).strip();
        CurrentUser target = name.isEmpty() ? null : reader(name);
        if (target == null) {
          v.add(field, "approval.copy.unknownUser", name);
        } else if (target.username().equals(user.username())) {
          v.add(field, "approval.copy.self");
        } else if (!seen.add(target.username())) {
          v.add(field, "approval.copy.duplicate", target.displayName());
        } else if (copies.existsByFilingIdAndRecipient(filing.id(), target.username())) {
          v.add(field, "approval.copy.already", target.displayName());
        } else {
          to.add(target);
        }
      }
    }
    String note = request.note() == null ? "" : request.note().strip();
    if (note.length() > CopyRequest.MAX_NOTE) {
      v.add("note", "approval.copy.noteTooLong", CopyRequest.MAX_NOTE, note.length());
    }
    v.throwIfAny();
    Instant now = clock.instant();
    for (CurrentUser t : to) {
      copies.saveAndFlush(
          new FilingCopy(
              filing.id(),
              t.username(),
              t.displayName(),
              user.username(),
              user.displayName(),
              note.isEmpty() ? null : note,
              now));
    }
    List<String> recipients = to.stream().map(CurrentUser::username).toList();
    events.publishEvent(
        new FilingCopied(
            filing.id(),
            user.username(),
            user.displayName(),
            recipients,
            note.isEmpty() ? null : note,
            filing.version()));
    return recipients;
  }

  /** Someone who may be given a filing to read: any enabled account but the administrators'. */
  private CurrentUser reader(String username) {
    return users
        .find(username)
        .filter(u -> u.roles().stream().noneMatch(Role::administrative))
        .orElse(null);
  }

  /** Whether the user may copy this filing now (see the class comment). */
  boolean mayCopy(CurrentUser user, Filing filing) {
    return filing.status() != FilingStatus.DRAFT
        && (FilingAccess.mayEdit(user, filing) || approvals.mayDecide(user, filing));
  }

  /** Whether the filing was copied to the user, who may therefore read it. */
  @Transactional(readOnly = true)
  public boolean reads(CurrentUser user, Filing filing) {
    return filing.status() != FilingStatus.DRAFT
        && copies.existsByFilingIdAndRecipient(filing.id(), user.username());
  }

  /** The user opened the filing's page: a copy to them is read now. */
  @Transactional
  public void opened(CurrentUser user, long filingId) {
    copies.markRead(filingId, user.username(), clock.instant());
  }

  /** The copies sent to the user, the newest first, read or unread. */
  @Transactional(readOnly = true)
  public Page<CopyEntry> mine(CurrentUser user, int page, int size) {
    Map<String, String> names =
        directory.all().stream()
            .collect(Collectors.toMap(DepartmentInfo::code, DepartmentInfo::name));
    return copies
        .sentTo(user.username(), PageRequest.of(page, size))
        .map(c -> c.named(names.getOrDefault(c.departmentCode(), c.departmentCode())));
  }

  @Transactional(readOnly = true)
  public long unread(CurrentUser user) {
    return copies.countByRecipientAndReadAtIsNull(user.username());
  }

  /** How many copies to the user are unread, counted up to {@code limit}: a badge's figure. */
  @Transactional(readOnly = true)
  public long unreadUpTo(CurrentUser user, int limit) {
    return copies.unreadIds(user.username(), PageRequest.ofSize(limit)).size();
  }

  /** 抄送 on the filing's page: whom the user may copy it to, and to whom it went. */
  @Transactional(readOnly = true)
  public CopyCard card(CurrentUser user, Filing filing) {
    if (!mayCopy(user, filing)) {
      return CopyCard.NONE;
    }
    List<CopyCard.Sent> sent =
        copies.findByFilingIdOrderByIdAsc(filing.id()).stream()
            .map(c -> new CopyCard.Sent(c.recipientName(), c.copiedByName(), c.readAt() != null))
            .toList();
    Set<String> already =
        copies.findByFilingIdOrderByIdAsc(filing.id()).stream()
            .map(FilingCopy::recipient)
            .collect(Collectors.toSet());
    List<DirectoryPerson> people =
        directory.people().stream()
            .filter(p -> !p.username().equals(user.username()))
            .filter(p -> !already.contains(p.username()))
            .toList();
    return new CopyCard(people, sent);
  }
}
