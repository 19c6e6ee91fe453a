package org.qunbei.filing;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.qunbei.accounts.CurrentUser;
import org.springframework.data.jpa.domain.Specification;

/**
 * Who may see and change a filing; the one place the department scoping rule is written, both as a
 * check on one filing and as a query condition for lists, so that the two never disagree.
 *
 * <p>A department's own people (its applicants and its head) see its filings, drafts included;
 * whoever created a filing sees it; the leader in charge of a department sees its filings once
 * submitted; the cyberspace office and the administrator see every filing that has left the draft
 * stage.
 */
public final class FilingAccess {

  private FilingAccess() {}

  public static boolean mayView(CurrentUser user, Reviewable f) {
    boolean submitted = f.status() != FilingStatus.DRAFT;
    return ownDepartments(user).contains(f.departmentCode())
        || user.username().equals(f.createdBy())
        || (submitted && user.leaderOf().contains(f.departmentCode()))
        || (submitted && user.seesWholeRegistry());
  }

  public static boolean mayEdit(CurrentUser user, Filing f) {
    return user.canFile()
        && (user.username().equals(f.createdBy())
            || user.departmentCode().equals(f.departmentCode()));
  }

  /**
   * Whether the user sees the team's mobile numbers in full for a department's filings: its own
   * people, who work with them, its leader in charge, who answers for it, and the cyberspace
   * office, which must reach every group's owner in an incident. Anyone else who may see a filing
   * sees them masked (the administrators see no filing at all).
   */
  public static boolean maySeePhones(CurrentUser user, String departmentCode) {
    return user.has(org.qunbei.accounts.Role.CYBERSPACE_OFFICE)
        || ownDepartments(user).contains(departmentCode)
        || user.leaderOf().contains(departmentCode);
  }

  /**
   * The one rule for mobiles, in pages, API, documents and exports alike: whole for the filing's
   * department as {@link #maySeePhones} says, and for whoever may still change it (they must see
   * what they change); masked for anyone else. Its deciders see them whole too, which only the
   * approval chain can tell ({@code FilingService#contentFor} adds them).
   */
  public static boolean maySeeMobiles(
      CurrentUser user, String departmentCode, String createdBy, FilingStatus status) {
    return maySeePhones(user, departmentCode)
        || (status.isEditable() && user.canFile() && user.username().equals(createdBy));
  }

  /** The list-query form of {@link #mayView}. */
  public static Specification<Filing> visibleTo(CurrentUser user) {
    return (root, query, cb) -> {
      List<Predicate> any = departmental(user, root, query, cb);
      if (user.seesWholeRegistry()) {
        any.add(cb.notEqual(root.get("status"), FilingStatus.DRAFT));
      }
      return cb.or(any.toArray(Predicate[]::new));
    };
  }

  /**
   * {@link #ownedBy} as the parts it is the union of: one per department of the user's own, one per
   * department they lead (submitted filings), and what they filed themselves. Their list in its
   * default order or sorted by a column that runs department by department (the department, the
   * group's name, which begins with the department's) is found part by part, each from its own
   * index, instead of walking the whole registry's order past every other department's lines, and
   * every list of theirs is counted part by part (see {@code Registry}).
   */
  public static List<Specification<Filing>> ownedParts(CurrentUser user) {
    List<Specification<Filing>> parts = new ArrayList<>();
    Set<String> own = ownDepartments(user);
    own.stream().sorted().forEach(d -> parts.add(inDepartment(d, false)));
    user.leaderOf().stream()
        .filter(d -> !own.contains(d))
        .sorted()
        .forEach(d -> parts.add(inDepartment(d, true)));
    parts.add((root, query, cb) -> cb.equal(root.get("createdBy"), user.username()));
    return parts;
  }

  private static Specification<Filing> inDepartment(String code, boolean submittedOnly) {
    return (root, query, cb) -> {
      Predicate department = cb.equal(root.get("form").get("departmentCode"), code);
      return submittedOnly
          ? cb.and(department, cb.notEqual(root.get("status"), FilingStatus.DRAFT))
          : department;
    };
  }

  /** What the user's own departments hold ("本部门备案"): the same rule without the registry. */
  public static Specification<Filing> ownedBy(CurrentUser user) {
    return (root, query, cb) ->
        cb.or(departmental(user, root, query, cb).toArray(Predicate[]::new));
  }

  /**
   * The submitted filings the user sees, said by department, for figures kept per department (the
   * statistics tally): every department when {@code all}; otherwise those of {@code departments}
   * (their own, those they head or lead) and, in any department, those {@code username} created.
   */
  public record SubmittedScope(boolean all, Set<String> departments, String username) {}

  public static SubmittedScope submittedScope(CurrentUser user) {
    Set<String> departments = ownDepartments(user);
    departments.addAll(user.leaderOf());
    return new SubmittedScope(user.seesWholeRegistry(), Set.copyOf(departments), user.username());
  }

  /** {@link #ownedParts} as one query's conditions: the rule is written once, there. */
  private static List<Predicate> departmental(
      CurrentUser user,
      Root<Filing> root,
      jakarta.persistence.criteria.CriteriaQuery<?> query,
      CriteriaBuilder cb) {
    List<Predicate> any = new ArrayList<>();
    ownedParts(user).forEach(part -> any.add(part.toPredicate(root, query, cb)));
    return any;
  }

  /** The departments whose drafts the user sees: their own and those they head. */
  private static Set<String> ownDepartments(CurrentUser user) {
    Set<String> own = new HashSet<>(user.headOf());
    if (user.departmentCode() != null) {
      own.add(user.departmentCode());
    }
    return own;
  }
}
