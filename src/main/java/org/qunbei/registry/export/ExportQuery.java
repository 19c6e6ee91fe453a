package org.qunbei.registry.export;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;
import org.qunbei.filing.Filing;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.stereotype.Component;

/**
 * Reads the filings of an export as a stream of plain rows (no entities, nothing kept by the
 * persistence context), one row per filing, completes each batch of 500 with its teams and
 * decisions, and hands them on one filing at a time. The database sends rows in batches (fetch
 * size), so memory stays flat however many filings match.
 */
@Component
public class ExportQuery {

  private static final int FETCH_SIZE = 1000;

  /** Filings completed with their teams and decisions at a time: two look-ups per batch. */
  private static final int BATCH = 500;

  private final EntityManager em;
  private final ExportLookups lookups;
  private final List<FilingLine.FormColumn> form;

  ExportQuery(EntityManager em, ExportLookups lookups) {
    this.em = em;
    this.lookups = lookups;
    this.form = FilingLine.formAttributes(em.getMetamodel());
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
    List<Selection<?>> columns = new ArrayList<>();
    FilingLine.ATTRIBUTES.forEach(a -> columns.add(f.get(a)));
    form.forEach(a -> columns.add(f.get("form").get(a.name())));
    List<Order> order = new ArrayList<>(QueryUtils.toOrders(sort, f, cb));
    order.add(cb.asc(f.get("id")));
    q.multiselect(columns).where(spec.toPredicate(f, q, cb)).orderBy(order);
    List<Tuple> batch = new ArrayList<>(BATCH);
    try (Stream<Tuple> rows =
        em.createQuery(q)
            .setHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE)
            .setHint(HibernateHints.HINT_READ_ONLY, true)
            .getResultStream()) {
      rows.forEach(
          row -> {
            batch.add(row);
            if (batch.size() == BATCH) {
              emit(batch, each);
            }
          });
    }
    emit(batch, each);
  }

  /** Completes a batch of rows with their teams and decisions, hands them on, and empties it. */
  private void emit(List<Tuple> batch, Consumer<FilingLine> each) {
    if (batch.isEmpty()) {
      return;
    }
    List<Long> ids = batch.stream().map(t -> t.get(0, Long.class)).toList();
    ExportLookups.Batch found = lookups.of(ids);
    for (Tuple t : batch) {
      Long id = t.get(0, Long.class);
      each.accept(
          FilingLine.of(
              t,
              form,
              found.teams().getOrDefault(id, List.of()),
              found.decisions().getOrDefault(id, List.of())));
    }
    batch.clear();
  }
}
