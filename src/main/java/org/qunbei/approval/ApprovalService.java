package org.qunbei.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.qunbei.accounts.Contact;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Directory;
import org.qunbei.accounts.Role;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingAccess;
import org.qunbei.filing.FilingReview;
import org.qunbei.filing.FilingReviews;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.Filings;
import org.qunbei.filing.Reviewable;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.NotFoundException;
import org.qunbei.shared.StaleVersionException;
import org.qunbei.shared.StateConflictException;
import org.qunbei.shared.Violations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records decisions. The filing's state change, the decision and the audit event are written in one
 * transaction; when two approvers decide the same step at once, the decision's unique key (or the
 * filing's version) lets exactly one through and the other learns who decided.
 */
@Service
public class ApprovalService {

  private final Filings filings;
  private final Decisions decisions;
  private final TaskTransfers transfers;
  private final DecisionWriter writer;
  private final org.qunbei.accounts.Users users;
  private final Directory directory;
  private final ApprovalChain chain;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final DelegationService delegations;
  private final FilingReviews reviews;

  ApprovalService(
      Filings filings,
      Decisions decisions,
      TaskTransfers transfers,
      DecisionWriter writer,
      org.qunbei.accounts.Users users,
      Directory directory,
      ApprovalChain chain,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock,
      DelegationService delegations,
      FilingReviews reviews) {
    this.delegations = delegations;
    this.reviews = reviews;
    this.filings = filings;
    this.decisions = decisions;
    this.transfers = transfers;
    this.writer = writer;
    this.users = users;
    this.directory = directory;
    this.chain = chain;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Decides the filing's current step. The filing's review is read and written in plain JDBC
   * ({@link FilingReviews}), not as the aggregate: a decision changes a few columns of it, and is
   * the chain's most frequent write (ADR 26).
   */
  public FilingReview decide(
      CurrentUser user, long filingId, DecisionRequest request, Long expectedVersion) {
    try {
      return tx.execute(status -> decideNow(user, filingId, request, expectedVersion));
    } catch (DataIntegrityViolationException | ConcurrencyFailureException raced) {
      // The unique key, the version or (MariaDB) a deadlock between the two inserts: one won.
      throw decidedByAnother(filingId);
    }
  }

  private FilingReview decideNow(
      CurrentUser user, long filingId, DecisionRequest request, Long expectedVersion) {
    FilingReview filing =
        reviews
            .find(filingId)
            .filter(f -> mayKnow(user, f))
            .orElseThrow(() -> new NotFoundException("filing " + filingId));
    if (!filing.underReview()) {
      throw new StateConflictException("filing.notInReview", filing.status());
    }
    ChainStep step = chain.step(filing.currentStep()).orElseThrow();
    if (!chain.decides(user, step, filing)) {
      earlierDecision(user, filing)
          .ifPresent(
              d -> {
                throw alreadyDecided(d);
              });
      throw new ForbiddenException("approval.notDecider");
    }
    if (user.username().equals(filing.createdBy())) {
      throw new ForbiddenException("approval.ownFiling");
    }
    if (expectedVersion != null && expectedVersion != filing.version()) {
      throw new StaleVersionException(filing.version());
    }
    String opinion =
        checked(
            request,
            chain.isDissolution(step)
                ? DecisionRequest.DEFAULT_DISSOLUTION
                : DecisionRequest.DEFAULT_APPROVAL);
    // Read before the decision moves the step on: a delegate's decision reads "X 代 Y".
    OnBehalf onBehalf = delegations.onBehalf(filing, step.code(), user).orElse(null);
    Instant now = clock.instant();
    Optional<ChainStep> next = chain.after(step.code());
    FilingReview.Decided decided =
        switch (request.decision()) {
          case APPROVE -> filing.approve(step.code(), next.map(ChainStep::code).orElse(null), now);
          case RETURN -> filing.returnForCorrection(step.code(), now);
          case REJECT -> filing.reject(step.code(), now);
        };
    FilingReview after =
        reviews.write(
            decided,
            writer.row(
                filing.id(),
                filing.decisionRound(),
                step.code(),
                request.decision(),
                opinion,
                user.username(),
                user.displayName(),
                now,
                stampOwner(step, filing),
                onBehalf));
    events.publishEvent(
        new StepDecided(
            after, step.code(), request.decision(), opinion, user.username(), user.displayName()));
    if (after.currentStep() == null) {
      return after;
    }
    // Arrived at the next step: if its deciders are away, a delegate takes it over now, after the
    // decision's own notices and audit event (its listeners ran above), and the caller is told the
    // version that leaves.
    return delegations.arrived(after, after.currentStep()).orElse(after);
  }

  /**
   * Hands the current step to a colleague of the same office (转办), with a reason. From then on only
   * that colleague decides it; the hand-over is recorded and the colleague notified.
   */
  public Filing transfer(
      CurrentUser user, long filingId, TransferRequest request, Long expectedVersion) {
    return tx.execute(
        status -> {
          Filing filing = visible(user, filingId);
          if (!filing.underReview()) {
            throw new StateConflictException("filing.notInReview", filing.status());
          }
          ChainStep step = chain.step(filing.currentStep()).orElseThrow();
          if (!chain.decides(user, step, filing)) {
            throw new ForbiddenException("approval.notDecider");
          }
          if (expectedVersion != null && expectedVersion != filing.version()) {
            throw new StaleVersionException(filing.version());
          }
          var v = new Violations();
          String reason = request.reason() == null ? "" : request.reason().strip();
          if (reason.isEmpty()) {
            v.add("reason", "approval.transfer.reasonRequired");
          } else if (reason.length() > TransferRequest.MAX_REASON) {
            v.add(
                "reason",
                "approval.transfer.reasonTooLong",
                TransferRequest.MAX_REASON,
                reason.length());
          }
          CurrentUser colleague = users.find(request.to()).orElse(null);
          if (colleague == null
              || colleague.username().equals(user.username())
              || colleague.username().equals(filing.createdBy())
              || !chain.colleague(colleague, step, filing)) {
            v.add("to", "approval.transfer.notColleague");
          }
          v.throwIfAny();
          Instant now = clock.instant();
          filing.assign(step.code(), colleague.username(), now);
          transfers.save(
              new TaskTransfer(
                  filing.id(),
                  filing.decisionRound(),
                  step.code(),
                  user.username(),
                  colleague.username(),
                  reason,
                  now));
          filings.saveAndFlush(filing);
          events.publishEvent(
              new TaskTransferred(
                  filing.id(),
                  step.code(),
                  user.username(),
                  colleague.username(),
                  reason,
                  filing.version()));
          return filing;
        });
  }

  /** The people this user may hand the filing's current step to. */
  List<Contact> colleagues(CurrentUser user, Filing filing) {
    ChainStep step = chain.step(filing.currentStep()).orElseThrow();
    Role office =
        switch (step.decider()) {
          case DEPARTMENT_HEAD -> Role.DEPARTMENT_HEAD;
          case DEPARTMENT_LEADER -> Role.LEADER;
          case ROLE -> step.roleFor(filing.classified());
        };
    return directory.withRole(office).stream()
        .filter(
            c -> !c.username().equals(user.username()) && !c.username().equals(filing.createdBy()))
        .filter(
            c -> users.find(c.username()).map(u -> chain.colleague(u, step, filing)).orElse(false))
        .toList();
  }

  /** Whose stamp goes on a step's record: the department's, or the deciding office's. */
  private static String stampOwner(ChainStep step, Reviewable filing) {
    if (!step.stamped()) {
      return null;
    }
    return switch (step.decider()) {
      case DEPARTMENT_HEAD, DEPARTMENT_LEADER -> filing.departmentCode();
      case ROLE -> step.roleFor(filing.classified()).name();
    };
  }

  /** The filing if the user may know of it. */
  Filing visible(CurrentUser user, long filingId) {
    return filings
        .findForReview(filingId)
        .filter(f -> mayKnow(user, f))
        .orElseThrow(() -> new NotFoundException("filing " + filingId));
  }

  /** Whether the user may know of the filing: its department's people, or one of its deciders. */
  private boolean mayKnow(CurrentUser user, Reviewable filing) {
    return FilingAccess.mayView(user, filing) || involves(user, filing);
  }

  /** A decider of any step of the chain for this filing, once it left the draft stage. */
  boolean involves(CurrentUser user, Reviewable filing) {
    return filing.status() != FilingStatus.DRAFT
        && (user.username().equals(filing.assignee())
            || chain.all().stream().anyMatch(s -> chain.eligible(user, s, filing))
            // A colleague who decided it as a delegate or after a hand-over (我已审批 links here).
            || decisions.existsByFilingIdAndDecidedBy(filing.id(), user.username()));
  }

  boolean mayDecide(CurrentUser user, Filing filing) {
    return filing.underReview()
        && !user.username().equals(filing.createdBy())
        && chain.step(filing.currentStep()).map(s -> chain.decides(user, s, filing)).orElse(false);
  }

  /** The decision of this round on a step this user decides, if that step is past. */
  private Optional<Decision> earlierDecision(CurrentUser user, Reviewable filing) {
    ChainStep current = chain.step(filing.currentStep()).orElseThrow();
    return chain.chainOf(current).stream()
        .takeWhile(s -> !s.code().equals(filing.currentStep()))
        .filter(s -> chain.eligible(user, s, filing))
        .map(
            s ->
                decisions.findByFilingIdAndRoundAndStep(
                    filing.id(), filing.decisionRound(), s.code()))
        .flatMap(Optional::stream)
        .reduce((a, b) -> b);
  }

  private static String checked(DecisionRequest request, String defaultApproval) {
    violationsOf(request).throwIfAny();
    String opinion = request.opinion() == null ? "" : request.opinion().strip();
    return opinion.isEmpty() ? defaultApproval : opinion;
  }

  /** What is wrong with a decision as stated, whichever filing it is for (one rule, one place). */
  static Violations violationsOf(DecisionRequest request) {
    var v = new Violations();
    if (request.decision() == null) {
      v.add("decision", "approval.decision.required");
    }
    String opinion = request.opinion() == null ? "" : request.opinion().strip();
    if (opinion.length() > DecisionRequest.MAX_OPINION) {
      v.add("opinion", "approval.opinion.tooLong", DecisionRequest.MAX_OPINION, opinion.length());
    } else if (opinion.isEmpty()
        && request.decision() != null
        && request.decision() != DecisionKind.APPROVE) {
      v.add("opinion", "approval.opinion.required");
    }
    return v;
  }

  /** After losing a race: say who won, read in a fresh transaction. */
  private StateConflictException decidedByAnother(long filingId) {
    return tx.execute(
        status ->
            filings
                .findById(filingId)
                .flatMap(
                    f ->
                        decisions.findByFilingIdOrderByIdAsc(filingId).stream().reduce((a, b) -> b))
                .map(ApprovalService::alreadyDecided)
                .orElseGet(() -> new StateConflictException("filing.stepMoved")));
  }

  private static final java.time.format.DateTimeFormatter MINUTE =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
          .withZone(java.time.ZoneId.of("Asia/Shanghai"));

  private static StateConflictException alreadyDecided(Decision d) {
    return new StateConflictException(
        "approval.alreadyDecided", d.decidedByName(), MINUTE.format(d.decidedAt()));
  }
}
