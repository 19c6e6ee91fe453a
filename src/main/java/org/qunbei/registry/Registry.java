package org.qunbei.registry;

import java.util.Locale;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Directory;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingAccess;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.Filings;
import org.springframework.data.domain.Page;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registry search; every result is scoped by {@link FilingAccess}. */
@Service
@Transactional(readOnly = true)
public class Registry {

  private final Filings filings;
  private final Directory directory;
  private final java.time.Clock clock;

  Registry(Filings filings, Directory directory, java.time.Clock clock) {
    this.filings = filings;
    this.directory = directory;
    this.clock = clock;
  }

  /** Everything the user may see that matches the query. */
  public Page<RegistryEntry> search(CurrentUser user, RegistryQuery query) {
    return find(FilingAccess.visibleTo(user), query);
  }

  /** The filings of the user's own departments, drafts included. */
  public Page<RegistryEntry> mine(CurrentUser user, RegistryQuery query) {
    return find(FilingAccess.ownedBy(user), query);
  }

  /** The user's scope narrowed by the query's filters: what a list or an export shows. */
  public static Specification<Filing> scoped(CurrentUser user, RegistryQuery q) {
    return FilingAccess.visibleTo(user).and(matching(q));
  }

  private Page<RegistryEntry> find(Specification<Filing> scope, RegistryQuery q) {
    Specification<Filing> spec = scope.and(matching(q));
    var names = new java.util.HashMap<String, String>();
    directory.all().forEach(d -> names.put(d.code(), d.name()));
    return filings
        .findAll(spec, q.pageable())
        .map(
            f ->
                RegistryEntry.of(
                    f, names.getOrDefault(f.departmentCode(), f.departmentCode()), clock));
  }

  private static Specification<Filing> matching(RegistryQuery q) {
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
        String like = "%" + escape(q.text().toLowerCase(Locale.ROOT)) + "%";
        all.add(
            cb.or(
                cb.like(cb.lower(root.get("form").get("groupName")), like, '\\'),
                cb.like(cb.lower(root.get("number")), like, '\\'),
                cb.like(cb.lower(root.get("form").get("groupNumber")), like, '\\')));
      }
      return cb.and(all.toArray(jakarta.persistence.criteria.Predicate[]::new));
    };
  }

  /** The user's words are matched literally: % and _ are not wildcards here. */
  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
