package org.qunbei.approval;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface FilingCopies extends Repository<FilingCopy, Long> {

  FilingCopy saveAndFlush(FilingCopy copy);

  boolean existsByFilingIdAndRecipient(Long filingId, String recipient);

  List<FilingCopy> findByFilingIdOrderByIdAsc(Long filingId);

  /** The copies sent to one person, with the filing's line, the newest first. */
  @Query(
      value =
          "select new org.qunbei.approval.CopyEntry(c.id, f.id, f.number, f.form.groupName,"
              + " f.form.departmentCode, null, c.copiedBy, c.copiedByName, c.note, c.copiedAt,"
              + " c.readAt) from FilingCopy c, org.qunbei.filing.Filing f"
              + " where f.id = c.filingId and c.recipient = :recipient"
              + " order by c.copiedAt desc, c.id desc",
      countQuery = "select count(c) from FilingCopy c where c.recipient = :recipient")
  Page<CopyEntry> sentTo(String recipient, Pageable pageable);

  long countByRecipientAndReadAtIsNull(String recipient);

  /** The ids of the recipient's unread copies, as many as the page asks: a badge's count. */
  @Query("select c.id from FilingCopy c where c.recipient = ?1 and c.readAt is null")
  List<Long> unreadIds(String recipient, Pageable first);

  @Modifying
  @Query(
      "update FilingCopy c set c.readAt = :now"
          + " where c.filingId = :filingId and c.recipient = :recipient and c.readAt is null")
  int markRead(Long filingId, String recipient, Instant now);
}
