package org.qunbei.filing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** All filings. List queries go through a {@link FilingAccess} scope; never unscoped. */
public interface Filings extends Repository<Filing, Long>, JpaSpecificationExecutor<Filing> {

  /** The whole aggregate in one query: callers read the team outside the transaction. */
  @EntityGraph(attributePaths = "form.team")
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
}
