package org.qunbei.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingAccess;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.Filings;
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
  private final ApprovalChain chain;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;

  ApprovalService(
      Filings filings,
      Decisions decisions,
      ApprovalChain chain,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock) {
    this.filings = filings;
    this.decisions = decisions;
    this.chain = chain;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
  }

  public Filing decide(
      CurrentUser user, long filingId, DecisionRequest request, Long expectedVersion) {
    try {
      return tx.execute(status -> decideNow(user, filingId, request, expectedVersion));
    } catch (DataIntegrityViolationException | ConcurrencyFailureException raced) {
      // The unique key, the version or (MariaDB) a deadlock between the two inserts: one won.
      throw decidedByAnother(filingId);
    }
  }

  private Filing decideNow(
      CurrentUser user, long filingId, DecisionRequest request, Long expectedVersion) {
    Filing filing = visible(user, filingId);
    if (filing.status() != FilingStatus.IN_REVIEW) {
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
    String opinion = checked(request);
    Instant now = clock.instant();
    Optional<ChainStep> next = chain.after(step.code());
    switch (request.decision()) {
      case APPROVE -> filing.approve(step.code(), next.map(ChainStep::code).orElse(null), now);
      case RETURN -> filing.returnForCorrection(step.code(), now);
      case REJECT -> filing.reject(step.code(), now);
    }
    decisions.save(
        new Decision(
            filing.id(),
            filing.round(),
            step.code(),
            request.decision(),
            opinion,
            user.username(),
            user.displayName(),
            now));
    filings.saveAndFlush(filing);
    events.publishEvent(
        new StepDecided(
            filing.id(),
            step.code(),
            request.decision(),
            opinion,
            filing.currentStep(),
            filing.status().name(),
            user.username(),
            filing.version()));
    return filing;
  }

  /** The filing if the user may know of it: its department's people, or one of its deciders. */
  Filing visible(CurrentUser user, long filingId) {
    return filings
        .findForReview(filingId)
        .filter(f -> FilingAccess.mayView(user, f) || involves(user, f))
        .orElseThrow(() -> new NotFoundException("filing " + filingId));
  }

  /** A decider of any step of the chain for this filing, once it left the draft stage. */
  boolean involves(CurrentUser user, Filing filing) {
    return filing.status() != FilingStatus.DRAFT
        && chain.steps().stream().anyMatch(s -> chain.decides(user, s, filing));
  }

  boolean mayDecide(CurrentUser user, Filing filing) {
    return filing.status() == FilingStatus.IN_REVIEW
        && !user.username().equals(filing.createdBy())
        && chain.step(filing.currentStep()).map(s -> chain.decides(user, s, filing)).orElse(false);
  }

  /** The decision of this round on a step this user decides, if that step is past. */
  private Optional<Decision> earlierDecision(CurrentUser user, Filing filing) {
    return chain.steps().stream()
        .takeWhile(s -> !s.code().equals(filing.currentStep()))
        .filter(s -> chain.decides(user, s, filing))
        .map(s -> decisions.findByFilingIdAndRoundAndStep(filing.id(), filing.round(), s.code()))
        .flatMap(Optional::stream)
        .reduce((a, b) -> b);
  }

  private static String checked(DecisionRequest request) {
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
    v.throwIfAny();
    return opinion.isEmpty() ? DecisionRequest.DEFAULT_APPROVAL : opinion;
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
