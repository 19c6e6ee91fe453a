package org.qunbei.registry;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Directory;
import org.qunbei.filing.Composition;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingAccess;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.GroupType;
import org.qunbei.filing.Lifetime;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures the cyberspace office reports upward, over what the caller may see and, optionally,
 * the filings filled in a date range: on PostgreSQL mostly from the tally its trigger keeps ({@link
 * StatisticsTally}), elsewhere one grouped query over the filings. Groups "on the register" are the
 * FILED ones; the status tally shows every submitted filing.
 */
@Service
@Transactional(readOnly = true)
public class RegistryStatistics {

  private final EntityManager em;
  private final Directory directory;
  private final org.qunbei.system.Messages messages;
  private final java.time.Clock clock;
  private final StatisticsTally tallied;

  RegistryStatistics(
      EntityManager em,
      Directory directory,
      org.qunbei.system.Messages messages,
      java.time.Clock clock,
      StatisticsTally tallied) {
    this.em = em;
    this.tallied = tallied;
    this.directory = directory;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * The period as the page or the API gives it ({@code from}, {@code to}: yyyy-MM-dd, either may be
   * empty); a bad date or a reversed period is refused naming the field.
   */
  public static LocalDate[] period(String from, String to) {
    var v = new org.qunbei.shared.Violations();
    LocalDate f = date(v, "from", from);
    LocalDate t = date(v, "to", to);
    if (f != null && t != null && f.isAfter(t)) {
      v.add("to", "statistics.period.reversed");
    }
    v.throwIfAny();
    return new LocalDate[] {f, t};
  }

  private static LocalDate date(org.qunbei.shared.Violations v, String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(raw.strip());
    } catch (java.time.format.DateTimeParseException e) {
      v.add(
          field,
          "statistics.date.invalid",
          new org.springframework.context.support.DefaultMessageSourceResolvable(
              new String[] {"field.period." + field, "field." + field}, field),
          raw);
      return null;
    }
  }

  public Statistics of(CurrentUser user, LocalDate from, LocalDate to) {
    var tally = new Statistics.Tally(directory, messages);
    Specification<Filing> visible = FilingAccess.visibleTo(user);
    if (!tallied.present()) {
      live(visible, from, to, tally);
      return tally.result(from, to);
    }
    // The tally counts by the month filled in: whole months come from it, a period's partial first
    // and last months from the filings.
    YearMonth first = from == null ? null : YearMonth.from(from);
    if (from != null && from.getDayOfMonth() != 1) {
      first = first.plusMonths(1);
    }
    YearMonth last = to == null ? null : YearMonth.from(to);
    if (to != null && !to.equals(last.atEndOfMonth())) {
      last = last.minusMonths(1);
    }
    if (first != null && last != null && first.isAfter(last)) {
      live(visible, from, to, tally);
      return tally.result(from, to);
    }
    if (from != null && from.getDayOfMonth() != 1) {
      live(visible, from, first.atDay(1).minusDays(1), tally);
    }
    if (to != null && last.isBefore(YearMonth.from(to))) {
      live(visible, last.plusMonths(1).atDay(1), to, tally);
    }
    tallied.addTo(tally, FilingAccess.submittedScope(user), first, last, LocalDate.now(clock));
    return tally.result(from, to);
  }

  /** The same figures from the filings alone, as H2 and MariaDB count them: the tally's check. */
  Statistics live(CurrentUser user, LocalDate from, LocalDate to) {
    var tally = new Statistics.Tally(directory, messages);
    live(FilingAccess.visibleTo(user), from, to, tally);
    return tally.result(from, to);
  }

  /** The filings themselves, grouped: the whole of it on H2 and MariaDB. */
  private void live(
      Specification<Filing> scope, LocalDate from, LocalDate to, Statistics.Tally tally) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> q = cb.createTupleQuery();
    Root<Filing> f = q.from(Filing.class);
    List<Expression<?>> keys =
        List.of(
            f.get("form").get("departmentCode"),
            f.get("form").get("groupType"),
            f.get("status"),
            f.get("form").get("composition"),
            f.get("form").get("lifetime"),
            f.get("form").get("dissolveBy"));
    List<Predicate> where = submittedIn(scope, f, q, cb, from, to);
    List<jakarta.persistence.criteria.Selection<?>> select = new ArrayList<>(keys);
    select.add(cb.count(f));
    q.multiselect(select).where(where.toArray(Predicate[]::new)).groupBy(keys);

    for (Tuple t : em.createQuery(q).getResultList()) {
      @SuppressWarnings("unchecked")
      Set<Composition> composition = (Set<Composition>) t.get(3);
      LocalDate dissolveBy = t.get(5, LocalDate.class);
      FilingStatus status = t.get(2, FilingStatus.class);
      long n = t.get(6, Long.class);
      tally.add(
          t.get(0, String.class),
          t.get(1, GroupType.class),
          status,
          composition.stream().anyMatch(Composition::isExternal),
          n);
      if (status == FilingStatus.FILED
          && t.get(4, Lifetime.class) == Lifetime.SHORT_TERM
          && dissolveBy != null) {
        tally.dissolving(YearMonth.from(dissolveBy), n);
      }
    }
    changes(scope, from, to, tally);
  }

  /** What the scope holds, submitted, filled in the period. */
  private static List<Predicate> submittedIn(
      Specification<Filing> scope,
      Root<Filing> f,
      CriteriaQuery<?> q,
      CriteriaBuilder cb,
      LocalDate from,
      LocalDate to) {
    List<Predicate> where = new ArrayList<>();
    where.add(scope.toPredicate(f, q, cb));
    where.add(cb.notEqual(f.get("status"), FilingStatus.DRAFT));
    if (from != null) {
      where.add(cb.greaterThanOrEqualTo(f.get("filledOn"), from));
    }
    if (to != null) {
      where.add(cb.lessThanOrEqualTo(f.get("filledOn"), to));
    }
    return where;
  }

  /**
   * The change filings of the period, each judged late or not in the school's time zone: few beside
   * the whole register, so read row by row rather than grouped.
   */
  private void changes(
      Specification<Filing> scope, LocalDate from, LocalDate to, Statistics.Tally tally) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> q = cb.createTupleQuery();
    Root<Filing> f = q.from(Filing.class);
    List<Predicate> where = submittedIn(scope, f, q, cb, from, to);
    where.add(cb.equal(f.get("lineage").get("kind"), org.qunbei.filing.FilingKind.CHANGE));
    where.add(cb.notEqual(f.get("status"), FilingStatus.REJECTED));
    q.multiselect(f.get("lineage").get("dueBy"), f.get("status"), f.get("filedAt"))
        .where(where.toArray(Predicate[]::new));
    for (Tuple t : em.createQuery(q).getResultList()) {
      tally.change(
          org.qunbei.filing.Lineage.late(
              t.get(0, LocalDate.class),
              t.get(1, FilingStatus.class),
              t.get(2, java.time.Instant.class),
              clock),
          1);
    }
  }
}
