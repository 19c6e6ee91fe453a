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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the filings of an export as a stream of plain rows (no entities, nothing kept by the
 * persistence context), one row per filing, completes each batch of them with its teams and
 * decisions, and hands them on one filing at a time. The database sends rows in batches (fetch
 * size), so memory stays flat however many filings match.
 *
 * <p>Streaming the rows, looking up each batch's teams and decisions, and writing the file (the
 * caller) run side by side on three threads, each one batch ahead of the next ({@link ReadAhead}):
 * at 10^5 of 10^6 filings on PostgreSQL, one after the other on one thread they took 12–14 s, the
 * look-ups alone some 4 s of waiting for the database. Batches are small and few are in flight: a
 * line that waits long in a queue outlives the young generation, and in a 256 MiB heap that filled
 * the old one and the collector then took more time than the export.
 */
@Component
public class ExportQuery {

  private static final int FETCH_SIZE = 500;

  /** Filings completed with their teams and decisions at a time: two look-ups per batch. */
  private static final int BATCH = 250;

  /** Batches the reader may run ahead of the writer: memory stays a few batches. */
  private static final int AHEAD = 1;

  private final EntityManager em;
  private final ExportLookups lookups;
  private final List<FilingLine.FormColumn> form;

  private final TransactionTemplate readOnly;

  ExportQuery(EntityManager em, ExportLookups lookups, PlatformTransactionManager transactions) {
    this.em = em;
    this.lookups = lookups;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.form = FilingLine.formAttributes(em.getMetamodel());
  }

  long count(Specification<Filing> spec) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> q = cb.createQuery(Long.class);
    Root<Filing> f = q.from(Filing.class);
    q.select(cb.count(f)).where(spec.toPredicate(f, q, cb));
    return em.createQuery(q).getSingleResult();
  }

  /**
   * Hands each matching filing to {@code each}, on the caller's thread, in the list's order. Two
   * threads work ahead of it: one streams the filings' rows in a read-only transaction of its own,
   * the other completes each batch of them with its teams and decisions (on a connection of its
   * own). A failure anywhere ends all three and is thrown here; when {@code each} throws, the
   * others stop at their next batch.
   */
  void forEach(
      Specification<Filing> spec,
      org.springframework.data.domain.Sort sort,
      Consumer<FilingLine> each) {
    ReadAhead.<List<FilingLine>>run(
        "export-lookups",
        AHEAD,
        completed ->
            ReadAhead.<List<Tuple>>run(
                "export-rows",
                AHEAD,
                rows -> readOnly.executeWithoutResult(status -> read(spec, sort, rows)),
                rows -> completed.accept(complete(rows))),
        lines -> lines.forEach(each));
  }

  /** The rows in batches. Must run inside a transaction: PostgreSQL streams only then. */
  private void read(
      Specification<Filing> spec,
      org.springframework.data.domain.Sort sort,
      Consumer<List<Tuple>> batches) {
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
              batches.accept(List.copyOf(batch));
              batch.clear();
            }
          });
    }
    if (!batch.isEmpty()) {
      batches.accept(List.copyOf(batch));
    }
  }

  /** A batch of rows as lines, with their teams and decisions. */
  private List<FilingLine> complete(List<Tuple> batch) {
    List<Long> ids = batch.stream().map(t -> t.get(0, Long.class)).toList();
    ExportLookups.Batch found = lookups.of(ids);
    List<FilingLine> lines = new ArrayList<>(batch.size());
    for (Tuple t : batch) {
      Long id = t.get(0, Long.class);
      lines.add(
          FilingLine.of(
              t,
              form,
              found.teams().getOrDefault(id, List.of()),
              found.decisions().getOrDefault(id, List.of())));
    }
    return lines;
  }
}
