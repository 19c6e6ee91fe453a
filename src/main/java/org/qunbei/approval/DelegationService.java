package org.qunbei.approval;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.qunbei.accounts.Contact;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Directory;
import org.qunbei.accounts.Role;
import org.qunbei.accounts.Users;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingReview;
import org.qunbei.filing.Filings;
import org.qunbei.filing.Reviewable;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.NodeFacts;
import org.qunbei.shared.NotFoundException;
import org.qunbei.shared.Violations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delegation while away (委托): the rules of who may delegate to whom and when, and what a delegation
 * does to a task arriving at a step (see ADR 0017). A delegate is a colleague in the sense of 转办
 * ({@link ApprovalChain#colleague}): someone who could decide the same step for the same department
 * or kind of work.
 */
@Service
@Transactional
public class DelegationService {

  /** Delegations are kept in the school's days. */
  static final ZoneId SCHOOL = ZoneId.of("Asia/Shanghai");

  private final Delegations delegations;
  private final DelegatedTasks tasks;
  private final ApprovalChain chain;
  private final Deciders deciders;
  private final Directory directory;
  private final Users users;
  private final Filings filings;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final NodeFacts facts;

  DelegationService(
      Delegations delegations,
      DelegatedTasks tasks,
      ApprovalChain chain,
      Deciders deciders,
      Directory directory,
      Users users,
      Filings filings,
      ApplicationEventPublisher events,
      Clock clock,
      NodeFacts facts) {
    this.facts = facts;
    this.delegations = delegations;
    this.tasks = tasks;
    this.chain = chain;
    this.deciders = deciders;
    this.directory = directory;
    this.users = users;
    this.filings = filings;
    this.events = events;
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), SCHOOL);
  }

  /** Whether this person decides anything, so has tasks someone could take while they are away. */
  public boolean mayDelegate(CurrentUser user) {
    return !chain.duties(user).isEmpty();
  }

  @Transactional(readOnly = true)
  public List<Delegation> of(CurrentUser user) {
    return delegations.findByDelegatorOrderByStartsOnDescIdDesc(user.username());
  }

  /** The colleagues this person may delegate to, for the picker. */
  @Transactional(readOnly = true)
  public List<Contact> candidates(CurrentUser user) {
    var duties = chain.duties(user);
    var offices = new java.util.LinkedHashSet<Role>();
    for (ApprovalChain.Duty d : duties) {
      offices.add(
          switch (d.step().decider()) {
            case DEPARTMENT_HEAD -> Role.DEPARTMENT_HEAD;
            case DEPARTMENT_LEADER -> Role.LEADER;
            case ROLE -> d.step().roleFor(d.classified());
          });
    }
    var people = new LinkedHashMap<String, Contact>();
    offices.forEach(r -> directory.withRole(r).forEach(c -> people.putIfAbsent(c.username(), c)));
    return people.values().stream()
        .filter(c -> !c.username().equals(user.username()))
        .filter(c -> users.find(c.username()).map(u -> covers(duties, u)).orElse(false))
        .toList();
  }

  /**
   * The one rule for a delegate: an enabled account, not oneself, who could decide at least one of
   * the steps this person decides (the same office's role; for a head or leader, the same step for
   * the same department). Tasks the delegate could not decide stay with the person away.
   */
  private boolean covers(List<ApprovalChain.Duty> duties, CurrentUser delegate) {
    return duties.stream().anyMatch(d -> chain.colleague(delegate, d));
  }

  public Delegation create(CurrentUser user, DelegationRequest request) {
    var duties = chain.duties(user);
    if (duties.isEmpty()) {
      throw new ForbiddenException("delegation.notDecider");
    }
    var v = new Violations();
    LocalDate today = today();
    String name = request.delegate() == null ? "" : request.delegate().strip();
    CurrentUser delegate = null;
    if (name.isEmpty()) {
      v.add("delegate", "delegation.delegate.required");
    } else if (name.equals(user.username())) {
      v.add("delegate", "delegation.delegate.self");
    } else {
      delegate = users.find(name).filter(u -> covers(duties, u)).orElse(null);
      if (delegate == null) {
        v.add("delegate", "delegation.delegate.notColleague");
      }
    }
    LocalDate from = date(request.from(), "from", v);
    LocalDate to = date(request.to(), "to", v);
    if (from != null && from.isBefore(today)) {
      v.add("from", "delegation.from.past", today.toString());
    }
    if (from != null && to != null) {
      if (to.isBefore(from)) {
        v.add("to", "delegation.to.beforeFrom");
      } else if (ChronoUnit.DAYS.between(from, to) + 1 > DelegationRequest.MAX_DAYS) {
        v.add("to", "delegation.to.tooLong", DelegationRequest.MAX_DAYS);
      }
    }
    if (from != null && to != null && !to.isBefore(from)) {
      for (Delegation mine : delegations.awayBetween(List.of(user.username()), from, to)) {
        v.add(
            "from",
            "delegation.overlap",
            mine.startsOn().toString(),
            mine.endsOn().toString(),
            mine.delegateName());
      }
      // No chains: a delegate away in the period would hand the tasks on to someone the person
      // away never chose; someone standing in for a colleague then cannot leave it to a third.
      if (delegate != null
          && !delegations.awayBetween(List.of(delegate.username()), from, to).isEmpty()) {
        v.add("delegate", "delegation.delegate.away", delegate.displayName());
      }
      for (Delegation covering : delegations.coveringBetween(user.username(), from, to)) {
        v.add("from", "delegation.covering", covering.delegatorName());
      }
    }
    v.throwIfAny();
    Delegation d =
        delegations.save(
            new Delegation(
                user.username(),
                user.displayName(),
                delegate.username(),
                delegate.displayName(),
                from,
                to,
                clock.instant()));
    events.publishEvent(
        new DelegationCreated(d.id(), d.delegator(), d.delegatorName(), d.delegate(), from, to));
    return d;
  }

  private static LocalDate date(String text, String field, Violations v) {
    if (text == null || text.isBlank()) {
      v.add(field, "delegation." + field + ".required");
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      v.add(field, "delegation." + field + ".invalid", text.strip());
      return null;
    }
  }

  /**
   * Its owner ends it now (a scheduled one never starts). Tasks the delegate still holds under it
   * go back at once: the person is back, or never left.
   */
  public Delegation cancel(CurrentUser user, long id) {
    Delegation d =
        delegations
            .findById(id)
            .filter(x -> x.delegator().equals(user.username()))
            .orElseThrow(() -> new NotFoundException("delegation " + id));
    Instant now = clock.instant();
    d.cancel(today(), now);
    int returned = giveBack(d, now);
    events.publishEvent(
        new DelegationEnded(d.id(), d.delegator(), d.delegate(), user.username(), true, returned));
    return d;
  }

  /**
   * The daily sweep: delegations whose last day is before {@code day} end by themselves, and the
   * tasks their delegates still hold go back to the steps' deciders. (New tasks stopped going to
   * the delegate at midnight already: arrival reads the dates, not this record.)
   */
  public int endPast(LocalDate day) {
    Instant now = clock.instant();
    int ended = 0;
    for (Delegation d : delegations.pastTheirEnd(day)) {
      d.expire(now);
      int returned = giveBack(d, now);
      events.publishEvent(
          new DelegationEnded(d.id(), d.delegator(), d.delegate(), "system", false, returned));
      ended++;
    }
    return ended;
  }

  private int giveBack(Delegation d, Instant now) {
    int returned = 0;
    for (DelegatedTask t : tasks.findByDelegationIdAndReturnedAtIsNull(d.id())) {
      Filing f = filings.findById(t.filingId()).orElse(null);
      if (f == null || !t.heldBy(f, t.delegate())) {
        continue; // decided, handed on or moved since: nothing of the delegation's left to return
      }
      f.assign(t.step(), null, now);
      filings.saveAndFlush(f);
      t.returned(now);
      events.publishEvent(
          new DelegatedTaskReturned(
              f.id(), t.step(), d.id(), d.delegator(), d.delegate(), f.version()));
      returned++;
    }
    return returned;
  }

  /**
   * A filing has just arrived at a step (submitted, approved on, or its dissolution reported): when
   * its deciders are away, the task goes to a delegate. The rule, for every kind of step:
   *
   * <ul>
   *   <li>a decider of the step is away today with a delegation, and
   *   <li>nobody else who decides the step is at their desk (everyone but the delegate is away or
   *       is the filing's author). A head's or leader's step has one decider, so it is delegated
   *       whenever that person is away; an office's step belongs to the office, so while another
   *       member is in, the office keeps it and whoever decides signs as themselves;
   *   <li>the delegate is not the filing's author (a delegate never decides their own filing: the
   *       task then stays with the office or the person away), is not away too (no chains), and can
   *       still decide this step of this filing.
   * </ul>
   *
   * If several people away qualify, the oldest delegation wins. Returns the filing as handed over,
   * if it was.
   */
  Optional<FilingReview> arrived(Reviewable filing, String stepCode) {
    if (!filing.underReview()
        || !stepCode.equals(filing.currentStep())
        || filing.assignee() != null) {
      return Optional.empty();
    }
    ChainStep step = chain.step(stepCode).orElse(null);
    if (step == null) {
      return Optional.empty();
    }
    List<String> people = deciders.of(filing, stepCode).stream().map(Contact::username).toList();
    if (people.isEmpty()) {
      return Optional.empty();
    }
    List<Away> awayToday = awayOn(today());
    Set<String> awayPeople = awayToday.stream().map(Away::delegator).collect(Collectors.toSet());
    for (Away d : awayToday) {
      if (!people.contains(d.delegator())) {
        continue;
      }
      String delegate = d.delegate();
      boolean othersIn =
          people.stream().anyMatch(p -> !p.equals(delegate) && !awayPeople.contains(p));
      if (othersIn || delegate.equals(filing.createdBy()) || awayPeople.contains(delegate)) {
        continue;
      }
      Optional<CurrentUser> u = users.find(delegate);
      if (u.isEmpty() || !chain.colleague(u.get(), step, filing)) {
        continue;
      }
      return Optional.of(hand(filing, step, delegations.findById(d.id()).orElseThrow()));
    }
    return Optional.empty();
  }

  /**
   * Who is away on this day, by delegation (oldest first): every arrival asks, and the answer is
   * kept on the node until a delegation changes (ADR 27).
   */
  private List<Away> awayOn(LocalDate day) {
    return facts.read(
        "delegations.away:" + day,
        () ->
            delegations.awayOn(day).stream()
                .map(d -> new Away(d.id(), d.delegator(), d.delegate()))
                .toList());
  }

  /** A delegation in force: whose tasks go to whom. */
  private record Away(long id, String delegator, String delegate) {}

  private FilingReview hand(Reviewable arrived, ChainStep step, Delegation d) {
    Instant now = clock.instant();
    // The aggregate itself, as the decision wrote it: a decision reads and writes its review alone
    // (FilingReviews), and a hand-over is rare enough to load the whole filing.
    Filing filing = filings.findById(arrived.id()).orElseThrow();
    filing.assign(step.code(), d.delegate(), now);
    filings.saveAndFlush(filing);
    tasks.save(new DelegatedTask(d, filing.id(), filing.decisionRound(), step.code(), now));
    events.publishEvent(
        new TaskDelegated(
            filing.id(),
            step.code(),
            d.id(),
            d.delegator(),
            d.delegatorName(),
            d.delegate(),
            filing.version()));
    return FilingReview.of(filing);
  }

  /**
   * Whom this decision is taken for: the person away, when the decider holds the current step as
   * their delegate (not when it was handed on to them by 转办 afterwards).
   */
  Optional<OnBehalf> onBehalf(Reviewable filing, String stepCode, CurrentUser decider) {
    if (!decider.username().equals(filing.assignee())) {
      return Optional.empty();
    }
    return tasks
        .findByFilingIdAndRoundAndStepOrderByIdDesc(filing.id(), filing.decisionRound(), stepCode)
        .stream()
        .findFirst()
        .filter(t -> t.heldBy(filing, decider.username()))
        .map(DelegatedTask::onBehalf);
  }

  /** For the page: each delegation with where it stands today. */
  @Transactional(readOnly = true)
  public List<Row> rows(CurrentUser user) {
    LocalDate today = today();
    var rows = new ArrayList<Row>();
    for (Delegation d : of(user)) {
      rows.add(new Row(d, d.stateOn(today)));
    }
    return rows;
  }

  public record Row(Delegation delegation, Delegation.State state) {
    public boolean cancellable() {
      return state == Delegation.State.ACTIVE || state == Delegation.State.SCHEDULED;
    }
  }
}
