package org.qunbei.filing;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.springframework.data.jpa.domain.Specification;

/**
 * Who may see and change a filing; the one place the department scoping rule is written, both as a
 * check on one filing and as a query condition for lists, so that the two never disagree.
 *
 * <p>A department's people (applicants, its head, its leader in charge) see its filings, drafts
 * included; whoever created a filing sees it; the cyberspace office and the administrator see every
 * filing that has left the draft stage.
 */
public final class FilingAccess {

  private FilingAccess() {}

  public static boolean mayView(CurrentUser user, Filing f) {
    return user.belongsTo(f.departmentCode())
        || user.username().equals(f.createdBy())
        || (user.seesWholeRegistry() && f.status() != FilingStatus.DRAFT);
  }

  public static boolean mayEdit(CurrentUser user, Filing f) {
    return user.canFile()
        && (user.username().equals(f.createdBy())
            || user.departmentCode().equals(f.departmentCode()));
  }

  /** The list-query form of {@link #mayView}. */
  public static Specification<Filing> visibleTo(CurrentUser user) {
    return (root, query, cb) -> {
      List<Predicate> any = new ArrayList<>();
      var departments = new ArrayList<>(user.ledDepartments());
      if (user.departmentCode() != null) {
        departments.add(user.departmentCode());
      }
      if (!departments.isEmpty()) {
        any.add(root.get("departmentCode").in(departments));
      }
      any.add(cb.equal(root.get("createdBy"), user.username()));
      if (user.seesWholeRegistry()) {
        any.add(cb.notEqual(root.get("status"), FilingStatus.DRAFT));
      }
      return cb.or(any.toArray(Predicate[]::new));
    };
  }

  /** Only what the user's own departments hold ("my filings"). */
  public static Specification<Filing> ownedBy(CurrentUser user) {
    return (root, query, cb) -> {
      var departments = new ArrayList<>(user.ledDepartments());
      if (user.departmentCode() != null) {
        departments.add(user.departmentCode());
      }
      Predicate mine = cb.equal(root.get("createdBy"), user.username());
      return departments.isEmpty() ? mine : cb.or(mine, root.get("departmentCode").in(departments));
    };
  }
}
