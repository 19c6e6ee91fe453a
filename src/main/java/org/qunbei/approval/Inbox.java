package org.qunbei.approval;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.Filings;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The filings waiting at a step the user decides: the query form of ApprovalChain.decides. */
@Service
@Transactional(readOnly = true)
public class Inbox {

  private final Filings filings;
  private final ApprovalChain chain;

  Inbox(Filings filings, ApprovalChain chain) {
    this.filings = filings;
    this.chain = chain;
  }

  public Page<TaskEntry> tasks(CurrentUser user, int page, int size) {
    var pageable = org.qunbei.shared.Paging.of(page, size, Sort.by("submittedAt", "id"));
    return filings.findAll(waitingFor(user), pageable).map(f -> TaskEntry.of(f, labelOf(f)));
  }

  public long count(CurrentUser user) {
    return filings.count(waitingFor(user));
  }

  private String labelOf(Filing f) {
    return chain.step(f.currentStep()).map(ChainStep::label).orElse(f.currentStep());
  }

  Specification<Filing> waitingFor(CurrentUser user) {
    return (root, query, cb) -> {
      List<Predicate> any = new ArrayList<>();
      for (ChainStep step : chain.all()) {
        Predicate at = cb.equal(root.get("currentStep"), step.code());
        switch (step.decider()) {
          case DEPARTMENT_HEAD -> {
            if (!user.headOf().isEmpty()) {
              any.add(cb.and(at, root.get("form").get("departmentCode").in(user.headOf())));
            }
          }
          case DEPARTMENT_LEADER -> {
            if (!user.leaderOf().isEmpty()) {
              any.add(cb.and(at, root.get("form").get("departmentCode").in(user.leaderOf())));
            }
          }
          case ROLE -> {
            if (user.has(step.roleFor(false))) {
              any.add(cb.and(at, cb.isFalse(root.get("form").get("classified"))));
            }
            if (user.has(step.roleFor(true))) {
              any.add(cb.and(at, cb.isTrue(root.get("form").get("classified"))));
            }
          }
        }
      }
      // A handed-over task is the colleague's alone.
      Predicate byOffice =
          any.isEmpty()
              ? cb.disjunction()
              : cb.and(cb.isNull(root.get("assignee")), cb.or(any.toArray(Predicate[]::new)));
      Predicate handedToMe = cb.equal(root.get("assignee"), user.username());
      // A step waits while the form is in review, or while a filed group's dissolution report is.
      return cb.and(
          root.get("status").in(FilingStatus.IN_REVIEW, FilingStatus.FILED),
          cb.isNotNull(root.get("currentStep")),
          cb.notEqual(root.get("createdBy"), user.username()),
          cb.or(byOffice, handedToMe));
    };
  }
}
