package org.qunbei.registry;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures the cyberspace office reports upward, over what the caller may see and, optionally,
 * the filings filled in a date range: one grouped query, tallied here. Groups "on the register" are
 * the FILED ones; the status tally shows every submitted filing.
 */
@Service
@Transactional(readOnly = true)
public class RegistryStatistics {

  private final EntityManager em;
  private final Directory directory;
  private final org.qunbei.system.Messages messages;
  private final java.time.Clock clock;

  RegistryStatistics(
      EntityManager em,
      Directory directory,
      org.qunbei.system.Messages messages,
      java.time.Clock clock) {
    this.em = em;
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
    List<Predicate> where = submittedIn(user, f, q, cb, from, to);
    List<jakarta.persistence.criteria.Selection<?>> select = new ArrayList<>(keys);
    select.add(cb.count(f));
    q.multiselect(select).where(where.toArray(Predicate[]::new)).groupBy(keys);

    var tally = new Statistics.Tally(directory, messages);
    for (Tuple t : em.createQuery(q).getResultList()) {
      @SuppressWarnings("unchecked")
      Set<Composition> composition = (Set<Composition>) t.get(3);
      tally.add(
          t.get(0, String.class),
          t.get(1, GroupType.class),
          t.get(2, FilingStatus.class),
          composition.stream().anyMatch(Composition::isExternal),
          t.get(4, Lifetime.class) == Lifetime.SHORT_TERM ? t.get(5, LocalDate.class) : null,
          t.get(6, Long.class));
    }
    changes(user, from, to, tally);
    return tally.result(from, to);
  }

  /** What the caller may see, submitted, filled in the period. */
  private static List<Predicate> submittedIn(
      CurrentUser user,
      Root<Filing> f,
      CriteriaQuery<?> q,
      CriteriaBuilder cb,
      LocalDate from,
      LocalDate to) {
    List<Predicate> where = new ArrayList<>();
    where.add(FilingAccess.visibleTo(user).toPredicate(f, q, cb));
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
  private void changes(CurrentUser user, LocalDate from, LocalDate to, Statistics.Tally tally) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> q = cb.createTupleQuery();
    Root<Filing> f = q.from(Filing.class);
    List<Predicate> where = submittedIn(user, f, q, cb, from, to);
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
              clock));
    }
  }
}
