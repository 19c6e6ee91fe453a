package org.qunbei.registry;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.ListJoin;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;
import org.qunbei.filing.Filing;
import org.qunbei.filing.TeamMember;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.stereotype.Component;

/**
 * Reads the filings of an export as a stream of plain rows (no entities, nothing kept by the
 * persistence context), one row per team member, and hands them on one filing at a time. The
 * database sends rows in batches (fetch size), so memory stays flat however many filings match.
 */
@Component
class ExportQuery {

  private static final int FETCH_SIZE = 1000;

  private final EntityManager em;

  ExportQuery(EntityManager em) {
    this.em = em;
  }

  long count(Specification<Filing> spec) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> q = cb.createQuery(Long.class);
    Root<Filing> f = q.from(Filing.class);
    q.select(cb.count(f)).where(spec.toPredicate(f, q, cb));
    return em.createQuery(q).getSingleResult();
  }

  /** Must run inside a transaction: PostgreSQL streams only then. */
  void forEach(
      Specification<Filing> spec,
      org.springframework.data.domain.Sort sort,
      Consumer<FilingLine> each) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> q = cb.createTupleQuery();
    Root<Filing> f = q.from(Filing.class);
    ListJoin<Filing, TeamMember> t = f.joinList("team", JoinType.LEFT);
    List<Selection<?>> columns = new ArrayList<>();
    FilingLine.ATTRIBUTES.forEach(a -> columns.add(f.get(a)));
    columns.addAll(List.of(t.get("role"), t.get("name"), t.get("title"), t.get("mobile")));
    List<Order> order = new ArrayList<>(QueryUtils.toOrders(sort, f, cb));
    order.add(cb.asc(f.get("id")));
    order.add(cb.asc(t.index()));
    q.multiselect(columns).where(spec.toPredicate(f, q, cb)).orderBy(order);
    try (Stream<Tuple> rows =
        em.createQuery(q)
            .setHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE)
            .setHint(HibernateHints.HINT_READ_ONLY, true)
            .getResultStream()) {
      FilingLine[] current = {null};
      rows.forEach(
          row -> {
            Long id = row.get(0, Long.class);
            if (current[0] == null || !current[0].id().equals(id)) {
              if (current[0] != null) {
                each.accept(current[0]);
              }
              current[0] = FilingLine.of(row);
            }
            current[0].addMember(row);
          });
      if (current[0] != null) {
        each.accept(current[0]);
      }
    }
  }
}
