package org.qunbei.approval;

import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.qunbei.accounts.Contact;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Directory;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.Filings;
import org.qunbei.lifecycle.Urges;
import org.qunbei.shared.Paging;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approver's lists: the filings waiting at a step the user decides (the query form of
 * ApprovalChain.decides), the decisions the user made, and the filings the user started.
 */
@Service
@Transactional(readOnly = true)
public class Inbox {

  private final Filings filings;
  private final Decisions decisions;
  private final ApprovalChain chain;
  private final Directory directory;
  private final Urges urges;

  Inbox(
      Filings filings, Decisions decisions, ApprovalChain chain, Directory directory, Urges urges) {
    this.filings = filings;
    this.decisions = decisions;
    this.chain = chain;
    this.directory = directory;
    this.urges = urges;
  }

  /** 待我审批: oldest first, so what has waited longest is read first. */
  public Page<TaskEntry> tasks(CurrentUser user, int page, int size) {
    var pageable = Paging.of(page, size, Sort.by("stepSince", "id"));
    Page<Filing> waiting = filings.findAll(waitingFor(user), pageable);
    Map<Long, Instant> urged =
        urges.latest(
            waiting.stream()
                .map(f -> new Urges.Waiting(f.id(), f.currentStep(), f.stepSince()))
                .toList());
    return waiting.map(
        f ->
            new TaskEntry(
                f.id(),
                f.number(),
                f.groupName(),
                f.groupType(),
                TaskKind.of(f),
                f.departmentCode(),
                directory.nameOf(f.departmentCode()),
                f.createdBy(),
                nameOf(f.createdBy()),
                f.currentStep(),
                labelOf(f.currentStep()),
                f.classified(),
                f.submittedAt(),
                f.stepSince(),
                urged.get(f.id()),
                user.username().equals(f.assignee()),
                f.version()));
  }

  /** How many filings wait for the user, counted up to {@code limit} (the badge's "99+"). */
  public long countUpTo(CurrentUser user, int limit) {
    return filings.countUpTo(waitingFor(user), limit);
  }

  /** 我已审批: the user's own decisions, newest first, with where each filing stands now. */
  public Page<DoneEntry> decided(CurrentUser user, int page, int size) {
    var pageable =
        Paging.of(page, size, Sort.by(Sort.Order.desc("decidedAt"), Sort.Order.desc("id")));
    Page<Decision> mine = decisions.findByDecidedBy(user.username(), pageable);
    Map<Long, Filing> byId = byId(mine.stream().map(Decision::filingId).toList());
    return mine.map(
        d -> {
          Filing f = byId.get(d.filingId());
          return new DoneEntry(
              f.id(),
              f.number(),
              f.groupName(),
              directory.nameOf(f.departmentCode()),
              TaskKind.of(f),
              d.step(),
              labelOf(d.step()),
              d.decision(),
              d.opinion(),
              d.decidedAt(),
              f.status().name(),
              f.currentStep(),
              f.currentStep() == null ? null : labelOf(f.currentStep()));
        });
  }

  /** 我发起的: the filings the user created, the latest changed first. */
  public Page<StartedEntry> started(CurrentUser user, int page, int size) {
    var pageable =
        Paging.of(page, size, Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id")));
    Specification<Filing> mine =
        (root, query, cb) -> cb.equal(root.get("createdBy"), user.username());
    return filings
        .findAll(mine, pageable)
        .map(
            f ->
                new StartedEntry(
                    f.id(),
                    f.number(),
                    f.groupName(),
                    directory.nameOf(f.departmentCode()),
                    TaskKind.of(f),
                    f.status().name(),
                    f.currentStep(),
                    f.currentStep() == null ? null : labelOf(f.currentStep()),
                    f.underReview() ? f.stepSince() : null,
                    f.updatedAt()));
  }

  private Map<Long, Filing> byId(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Specification<Filing> among = (root, query, cb) -> root.get("id").in(ids);
    return filings.findAll(among).stream()
        .collect(Collectors.toMap(Filing::id, Function.identity()));
  }

  private String nameOf(String username) {
    return directory.contact(username).map(Contact::displayName).orElse(username);
  }

  private String labelOf(String step) {
    return chain.step(step).map(ChainStep::label).orElse(step);
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
