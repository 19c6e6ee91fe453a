package org.qunbei.registry;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Directory;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingAccess;
import org.qunbei.filing.FilingKind;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.Filings;
import org.qunbei.filing.GroupType;
import org.qunbei.filing.Lineage;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registry search; every result is scoped by {@link FilingAccess}. */
@Service
@Transactional(readOnly = true)
public class Registry {

  /**
   * What a line of the list shows, read as columns: a whole filing (its form, commitments, lineage,
   * dissolution — some fifty columns) per line is what made a page slow at scale.
   */
  private static final List<String> LINE =
      List.of(
          "id",
          "number",
          "status",
          "currentStep",
          "form.departmentCode",
          "form.groupType",
          "form.groupName",
          "form.groupNumber",
          "form.memberCount",
          "filledOn",
          "submittedAt",
          "updatedAt",
          "lineage.kind",
          "lineage.dueBy",
          "filedAt");

  private final Filings filings;
  private final Directory directory;
  private final java.time.Clock clock;
  private final EntityManager em;
  private final org.qunbei.system.SearchIndex searchIndex;

  /**
   * A common term's lines are found by walking the list's order within its first lines only: deep
   * pages would walk far, and are listed from the search index.
   */
  private static final int WALK_WITHIN = 100;

  /**
   * Sorts for which a department's reader's list is found part by part ({@link #byParts}), within
   * its first lines (deep pages go by cursor or by number as before): those whose order runs
   * department by department — the department, and the group's name, which mostly begins with the
   * department's — and the default, newest change first, which has an index per part (V38) because
   * every list opens in it. Walking the whole registry's order and testing each line against the
   * scope read ~2,000 lines from the table for a page of a department's QQ groups at 10^6.
   */
  private static final java.util.Set<String> BY_PARTS =
      java.util.Set.of("form.departmentCode", "form.groupName", "updatedAt");

  private static final int PARTED_WITHIN = 1000;

  /** Terms of this many characters or fewer may be common enough to walk the list for. */
  private static final int SHORT_TERM = 2;

  /** Lines counted exactly; beyond, "more than" ({@link RegistryPage}). */
  private final int counted;

  Registry(
      Filings filings,
      Directory directory,
      java.time.Clock clock,
      EntityManager em,
      org.qunbei.system.SearchIndex searchIndex,
      @org.springframework.beans.factory.annotation.Value("${qunbei.registry.counted:1000}")
          int counted) {
    this.counted = counted;
    this.filings = filings;
    this.directory = directory;
    this.clock = clock;
    this.em = em;
    this.searchIndex = searchIndex;
  }

  /** Everything the user may see that matches the query. */
  public RegistryPage search(CurrentUser user, RegistryQuery query) {
    return user.seesWholeRegistry()
        ? find(FilingAccess.visibleTo(user), List.of(), query, true)
        : find(FilingAccess.visibleTo(user), FilingAccess.ownedParts(user), query, false);
  }

  /** The filings of the user's own departments, drafts included. */
  public RegistryPage mine(CurrentUser user, RegistryQuery query) {
    return find(FilingAccess.ownedBy(user), FilingAccess.ownedParts(user), query, false);
  }

  /** The user's scope narrowed by the query's filters: what a list or an export shows. */
  public Specification<Filing> scoped(CurrentUser user, RegistryQuery q) {
    return FilingAccess.visibleTo(user).and(matching(q, true));
  }

  /**
   * {@code parts}: the scope as the union of parts, to list part by part where that is faster (or
   * none); {@code wide}: the scope is (nearly) the whole registry, so it thins no walk through it.
   */
  private RegistryPage find(
      Specification<Filing> scope,
      List<Specification<Filing>> parts,
      RegistryQuery q,
      boolean wide) {
    Specification<Filing> spec = scope.and(matching(q, true));
    Pageable pageable = q.pageable();
    Specification<Filing> listed = spec;
    Long known = null;
    if (wide
        && q.text() != null
        && q.text().codePointCount(0, q.text().length()) <= SHORT_TERM
        && searchIndex.present()
        && q.after() == null
        && pageable.getOffset() < WALK_WITHIN) {
      // A short term in more filings than the count goes to (教学, 学生: 15,000 of 10^6) is
      // counted first, from the search index, and its first pages are then found by walking the
      // list's order and testing each line: one line in seventy matches, and twenty lines come in
      // ~5 ms, where fetching every match to sort them took ~100 ms. A rarer short term is listed
      // from the index, which then holds few. A longer term is listed from the index at once: it
      // is rarely common, and counting first read its postings twice (an exact group number 31 →
      // 68 ms). So is every term for a reader whose scope is a department: one line in a thousand
      // is theirs and matches, and the walk went twice as long (applicant, 教学: 53 → 120 ms).
      known = filings.countUpTo(spec, counted + 1);
      if (known > counted) {
        listed = scope.and(matching(q, false));
      }
    }
    int skipped = q.after() != null ? 0 : (int) pageable.getOffset();
    int size = pageable.getPageSize();
    // One line beyond the page says whether any follow: the last page knows it is the last even
    // when it is full, and gives no cursor to an empty page.
    List<Tuple> rows =
        parts.size() > 1
                && q.text() == null
                && BY_PARTS.contains(q.sortedBy())
                && skipped + size < PARTED_WITHIN
            ? byParts(parts, q, skipped, size + 1)
            : lines(listed, q, skipped, size + 1);
    boolean more = rows.size() > size;
    var names = new java.util.HashMap<String, String>();
    directory.all().forEach(d -> names.put(d.code(), d.name()));
    List<RegistryEntry> lines = rows.stream().limit(size).map(t -> line(t, names)).toList();
    String next =
        more && RegistryCursor.supports(q.sortedBy())
            ? RegistryCursor.after(q.sortedBy(), lines.get(lines.size() - 1))
            : null;
    long offset = pageable.getOffset();
    if (q.after() != null) {
      // Whoever walks a list by cursor has its count from the first page: not counted again.
      return RegistryPage.walked(lines, pageable, next);
    }
    // The last page by number knows the total.
    boolean last = !lines.isEmpty() && !more;
    if (last || offset == 0 && lines.isEmpty()) {
      return new RegistryPage(lines, pageable, offset + lines.size(), true, next);
    }
    long matching = known != null ? known : countUpTo(spec, parts, q);
    if (matching <= counted) {
      return new RegistryPage(lines, pageable, matching, true, next);
    }
    return new RegistryPage(
        lines, pageable, Math.max(counted, offset + lines.size() + 1), false, next);
  }

  /**
   * How many lines match, or more than {@link #counted} (the caller then says "more than"): for a
   * department's reader part by part, each part's ids walked in the order of its own index (V38,
   * which on PostgreSQL also holds the type and status the filters test, so the walk reads the
   * index alone), their union counted — an applicant's {@code type=QQ} was counted from the whole
   * scope's bitmap and ~3,000 rows of the table (40–50 ms at 10^6). A part, or the union so far,
   * past the count ends it. H2 and MariaDB have no covering indexes: there a rare filter reads a
   * department's rows one by one, at a school's size a few thousand at most.
   */
  private long countUpTo(
      Specification<Filing> spec, List<Specification<Filing>> parts, RegistryQuery q) {
    if (parts.size() <= 1 || q.text() != null) {
      return filings.countUpTo(spec, counted + 1);
    }
    var ids = new java.util.HashSet<Long>();
    for (Specification<Filing> part : parts) {
      var cb = em.getCriteriaBuilder();
      CriteriaQuery<Long> cq = cb.createQuery(Long.class);
      Root<Filing> root = cq.from(Filing.class);
      cq.select(root.get("id"))
          .where(part.and(matching(q, true)).toPredicate(root, cq, cb))
          .orderBy(cb.desc(root.get("updatedAt")), cb.desc(root.get("id")));
      List<Long> found = em.createQuery(cq).setMaxResults(counted + 1).getResultList();
      ids.addAll(found);
      if (ids.size() > counted) {
        return counted + 1;
      }
    }
    return ids.size();
  }

  /** The page's lines of {@code spec} in the list's order, from the cursor if there is one. */
  private List<Tuple> lines(Specification<Filing> spec, RegistryQuery q, int skipped, int size) {
    return em.createQuery(ordered(spec, q, LINE))
        .setFirstResult(skipped)
        .setMaxResults(size)
        .getResultList();
  }

  /**
   * The page's lines found part by part: the ids of each part's first lines up to the page's end
   * (from the part's own index: a department's lines by name are one run of the index (department,
   * name)), then the page from among them, in order. A department's reader sorting by department or
   * by name walked the whole registry's order before: at 10^6, 0.5 and 1.3 s a page. Each part
   * holds its own first lines, so their union holds the whole list's.
   */
  private List<Tuple> byParts(
      List<Specification<Filing>> parts, RegistryQuery q, int skipped, int size) {
    int reach = skipped + size;
    var ids = new java.util.LinkedHashSet<Long>();
    for (Specification<Filing> part : parts) {
      ids.addAll(
          em
              .createQuery(ordered(part.and(matching(q, true)), q, List.of("id")))
              .setMaxResults(reach)
              .getResultList()
              .stream()
              .map(t -> t.get(0, Long.class))
              .toList());
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    Specification<Filing> among = (root, query, cb) -> root.get("id").in(ids);
    return lines(among, q, skipped, size);
  }

  /** {@code columns} of {@code spec}'s filings in the list's order, past the cursor if any. */
  private CriteriaQuery<Tuple> ordered(
      Specification<Filing> spec, RegistryQuery q, List<String> columns) {
    var cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> cq = cb.createTupleQuery();
    Root<Filing> root = cq.from(Filing.class);
    var where = spec.toPredicate(root, cq, cb);
    if (q.after() != null) {
      where = cb.and(where, after(q, root, cb));
    }
    return cq.multiselect(columns.stream().<Selection<?>>map(p -> path(root, p)).toList())
        .where(where)
        .orderBy(QueryUtils.toOrders(q.pageable().getSort(), root, cb));
  }

  /**
   * The lines after the cursor's in the list's order: (value, id) past the cursor's, the way the
   * sort's index (column, id) runs, so the database starts reading there.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static jakarta.persistence.criteria.Predicate after(
      RegistryQuery q, Root<Filing> root, jakarta.persistence.criteria.CriteriaBuilder cb) {
    var order = q.pageable().getSort().iterator().next();
    Path<Comparable> column = (Path<Comparable>) path(root, order.getProperty());
    Comparable value = q.after().value();
    Path<Long> id = root.get("id");
    long last = q.after().id();
    // The first conjunct is implied by the second; without it a database filters the index from
    // its start instead of seeking to the cursor (an OR is no range; a row comparison would be, but
    // criteria queries have none): 41 ms → 0.5 ms at depth 40,000 of 10^6 on PostgreSQL.
    return order.isDescending()
        ? cb.and(
            cb.lessThanOrEqualTo(column, value),
            cb.or(
                cb.lessThan(column, value), cb.and(cb.equal(column, value), cb.lessThan(id, last))))
        : cb.and(
            cb.greaterThanOrEqualTo(column, value),
            cb.or(
                cb.greaterThan(column, value),
                cb.and(cb.equal(column, value), cb.greaterThan(id, last))));
  }

  private static Path<?> path(Root<Filing> root, String dotted) {
    Path<?> p = root;
    for (String part : dotted.split("\\.")) {
      p = p.get(part);
    }
    return p;
  }

  private RegistryEntry line(Tuple t, Map<String, String> names) {
    String department = (String) t.get(4);
    FilingStatus status = (FilingStatus) t.get(2);
    LocalDate dueBy = (LocalDate) t.get(13);
    Instant filedAt = (Instant) t.get(14);
    return new RegistryEntry(
        (Long) t.get(0),
        (String) t.get(1),
        status,
        (String) t.get(3),
        department,
        names.getOrDefault(department, department),
        (GroupType) t.get(5),
        (String) t.get(6),
        (String) t.get(7),
        (Integer) t.get(8),
        (LocalDate) t.get(9),
        (Instant) t.get(10),
        (Instant) t.get(11),
        (FilingKind) t.get(12),
        dueBy,
        Lineage.late(dueBy, status, filedAt, clock));
  }

  /**
   * The query's filters; {@code byIndex}: with the search index's condition, which lets the
   * database find a term's filings from the index instead of testing every line it reads.
   */
  private Specification<Filing> matching(RegistryQuery q, boolean byIndex) {
    return (root, query, cb) -> {
      var all = new java.util.ArrayList<jakarta.persistence.criteria.Predicate>();
      if (q.department() != null) {
        all.add(cb.equal(root.get("form").get("departmentCode"), q.department()));
      }
      if (q.type() != null) {
        all.add(cb.equal(root.get("form").get("groupType"), q.type()));
      }
      if (q.status() != null) {
        all.add(cb.equal(root.get("status"), q.status()));
      } else {
        // The registry lists groups by their current version; earlier ones are asked for by name.
        all.add(cb.notEqual(root.get("status"), FilingStatus.SUPERSEDED));
      }
      if (q.text() != null) {
        String lower = q.text().toLowerCase(Locale.ROOT);
        String like = "%" + escape(lower) + "%";
        var name = root.get("form").<String>get("groupName");
        var number = root.<String>get("number");
        var groupNumber = root.get("form").<String>get("groupNumber");
        if (byIndex && searchIndex.present()) {
          // Implied by the LIKEs below; there only so that the index finds the candidates.
          all.add(
              cb.isTrue(
                  cb.function(
                      "search_terms_contain",
                      Boolean.class,
                      name,
                      number,
                      groupNumber,
                      cb.literal(
                          org.qunbei.system.SearchIndex.termsOf(
                              lower, org.qunbei.filing.FilingNumbers.COMMON)))));
        }
        all.add(
            cb.or(
                cb.like(cb.lower(name), like, '\\'),
                cb.like(cb.lower(number), like, '\\'),
                cb.like(cb.lower(groupNumber), like, '\\')));
      }
      return cb.and(all.toArray(jakarta.persistence.criteria.Predicate[]::new));
    };
  }

  /** The user's words are matched literally: % and _ are not wildcards here. */
  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
