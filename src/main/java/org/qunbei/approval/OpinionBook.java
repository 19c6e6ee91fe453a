package org.qunbei.approval;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.filing.Filing;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.NotFoundException;
import org.qunbei.shared.StateConflictException;
import org.qunbei.shared.Violations;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock opinions (常用意见): the school's per step (configuration) and each approver's own (at most
 * {@value OpinionRequest#MAX_OWN}, no two alike), offered with one tap in the decision form.
 */
@Service
public class OpinionBook {

  private final StockOpinions own;
  private final StockOpinionDefaults school;
  private final ApprovalChain chain;
  private final ApprovalService approvals;
  private final Clock clock;

  OpinionBook(
      StockOpinions own,
      StockOpinionDefaults school,
      ApprovalChain chain,
      ApprovalService approvals,
      Clock clock) {
    this.own = own;
    this.school = school;
    this.chain = chain;
    this.approvals = approvals;
    this.clock = clock;
    school.check(chain);
  }

  /** The school's for each step the user decides, then the user's own. */
  @Transactional(readOnly = true)
  public List<StockOpinionEntry> list(CurrentUser user) {
    List<StockOpinionEntry> all = new ArrayList<>();
    for (ChainStep s : stepsOf(user)) {
      school.of(s.code()).forEach(t -> all.add(new StockOpinionEntry(null, t, true, s.code())));
    }
    own.findByOwnerOrderByIdAsc(user.username())
        .forEach(o -> all.add(new StockOpinionEntry(o.id(), o.opinion(), false, null)));
    return all;
  }

  /** Keeps a stock opinion of the user's own; only someone who decides a step keeps any. */
  @Transactional
  public StockOpinionEntry add(CurrentUser user, OpinionRequest request) {
    if (stepsOf(user).isEmpty()) {
      throw new ForbiddenException("approval.opinion.notDecider");
    }
    String text = request == null || request.text() == null ? "" : request.text().strip();
    var v = new Violations();
    if (text.isEmpty()) {
      v.add("text", "approval.stockOpinion.required");
    } else if (text.length() > DecisionRequest.MAX_OPINION) {
      v.add("text", "approval.opinion.tooLong", DecisionRequest.MAX_OPINION, text.length());
    } else if (own.existsByOwnerAndOpinion(user.username(), text)) {
      v.add("text", "approval.stockOpinion.duplicate");
    } else if (own.countByOwner(user.username()) >= OpinionRequest.MAX_OWN) {
      v.add("text", "approval.stockOpinion.tooMany", OpinionRequest.MAX_OWN);
    }
    v.throwIfAny();
    try {
      StockOpinion saved =
          own.saveAndFlush(new StockOpinion(user.username(), text, clock.instant()));
      return new StockOpinionEntry(saved.id(), text, false, null);
    } catch (DataIntegrityViolationException raced) {
      throw new StateConflictException("approval.stockOpinion.raced");
    }
  }

  @Transactional
  public void delete(CurrentUser user, long id) {
    own.delete(
        own.findByIdAndOwner(id, user.username())
            .orElseThrow(() -> new NotFoundException("stock opinion " + id)));
  }

  /** The decision form's chips: the school's for the current step, then the user's own. */
  @Transactional(readOnly = true)
  public List<String> chips(CurrentUser user, Filing filing) {
    if (!approvals.mayDecide(user, filing)) {
      return List.of();
    }
    Set<String> texts = new LinkedHashSet<>(school.of(filing.currentStep()));
    own.findByOwnerOrderByIdAsc(user.username()).forEach(o -> texts.add(o.opinion()));
    return List.copyOf(texts);
  }

  /** Whether the user decides any step of the chain, for some filing. */
  public boolean decidesAny(CurrentUser user) {
    return !stepsOf(user).isEmpty();
  }

  /** The steps this user may decide for some filing: their department's, their office's. */
  private List<ChainStep> stepsOf(CurrentUser user) {
    return chain.all().stream()
        .filter(
            s ->
                switch (s.decider()) {
                  case DEPARTMENT_HEAD -> !user.headOf().isEmpty();
                  case DEPARTMENT_LEADER -> !user.leaderOf().isEmpty();
                  case ROLE -> user.has(s.roleFor(false)) || user.has(s.roleFor(true));
                })
        .toList();
  }
}
