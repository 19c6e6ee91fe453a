package org.qunbei.filing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.qunbei.shared.NoAutoFlush;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** All filings. List queries go through a {@link FilingAccess} scope; never unscoped. */
public interface Filings
    extends Repository<Filing, Long>, JpaSpecificationExecutor<Filing>, CountingUpTo {

  /**
   * The whole aggregate in one query: callers read the team outside the transaction. A query with a
   * fetch join, not an entity graph: Hibernate builds a loader for a graph on every call (a tenth
   * of the chain's CPU, in submissions), while a query is translated once. It reads one filing by
   * id, so it need not flush first: a filing already loaded in the transaction comes back as the
   * instance it is, its unsaved changes and all.
   */
  @NoAutoFlush
  @Query("select f from Filing f left join fetch f.form.team where f.id = :id")
  Optional<Filing> findById(Long id);

  /** The filing without its team: enough to review it, one row fewer to read per decision. */
  @Query("select f from Filing f where f.id = :id")
  Optional<Filing> findForReview(Long id);

  Filing save(Filing filing);

  Optional<Filing> findByNumber(String number);

  /** Saves now, so that the version an event reports is the one stored. */
  Filing saveAndFlush(Filing filing);

  long count();

  @Query(
      """
      select f from Filing f
      where f.form.groupType = :type and f.form.groupNumber = :groupNumber
        and f.status in :statuses
        and f.id <> :groupId and (f.lineage.groupId is null or f.lineage.groupId <> :groupId)
      """)
  List<Filing> findOfOtherGroups(
      GroupType type, String groupNumber, Collection<FilingStatus> statuses, Long groupId);

  /** Every filing of the group, its first one first. */
  @Query(
      "select f from Filing f where f.id = :groupId or f.lineage.groupId = :groupId order by f.id")
  List<Filing> findVersions(Long groupId);

  /** The change filings of a version that are not finished yet (draft, in review or returned). */
  @Query(
      """
      select f from Filing f
      where f.lineage.previousId = :previousId and f.status in :statuses
      """)
  List<Filing> findChangesOf(Long previousId, Collection<FilingStatus> statuses);

  @Query(
      """
      select f from Filing f
      where f.form.departmentCode = :department and f.form.groupName = :groupName
        and f.status in :statuses
        and f.id <> :groupId and (f.lineage.groupId is null or f.lineage.groupId <> :groupId)
      """)
  List<Filing> findByGroupName(
      String department, String groupName, Collection<FilingStatus> statuses, Long groupId);

  /** Filed short-term groups past their dissolve-by day without a dissolution report. */
  @EntityGraph(attributePaths = "form.team")
  @Query(
      """
      select f from Filing f
      where f.status = org.qunbei.filing.FilingStatus.FILED and f.currentStep is null
        and f.form.lifetime = org.qunbei.filing.Lifetime.SHORT_TERM and f.form.dissolveBy < :today
      """)
  List<Filing> findPastDissolveBy(java.time.LocalDate today);

  /** Change filings not filed by their due day. */
  @EntityGraph(attributePaths = "form.team")
  @Query(
      """
      select f from Filing f
      where f.lineage.kind = org.qunbei.filing.FilingKind.CHANGE
        and f.status in (org.qunbei.filing.FilingStatus.DRAFT,
                         org.qunbei.filing.FilingStatus.RETURNED,
                         org.qunbei.filing.FilingStatus.IN_REVIEW)
        and f.lineage.dueBy < :today
      """)
  List<Filing> findChangesPastDue(java.time.LocalDate today);

  /** Filings whose current step has waited since before {@code since}. */
  @EntityGraph(attributePaths = "form.team")
  @Query("select f from Filing f where f.currentStep is not null and f.stepSince < :since")
  List<Filing> findWaitingSince(java.time.Instant since);

  /** Filed groups of a department, or of every department when it is null: whose team to check. */
  @Query(
      """
      select distinct f from Filing f left join fetch f.form.team
      where f.status = org.qunbei.filing.FilingStatus.FILED
        and (:department is null or f.form.departmentCode = :department)
      """)
  List<Filing> findFiledOf(String department);
}
