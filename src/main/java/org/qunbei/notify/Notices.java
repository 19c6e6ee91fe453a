package org.qunbei.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Notices extends Repository<Notice, Long> {

  Notice save(Notice notice);

  Optional<Notice> findById(Long id);

  Page<Notice> findByRecipientOrderByIdDesc(String recipient, Pageable pageable);

  long countByRecipientAndReadAtIsNull(String recipient);

  /** The ids of the recipient's unread notices, as many as the page asks: a badge's count. */
  @Query("select n.id from Notice n where n.recipient = ?1 and n.readAt is null")
  List<Long> unreadIds(String recipient, Pageable first);

  /** The oldest notices whose e-mail is due (pending, or claimed by a sender that died). */
  List<Notice> findTop50ByMailStatusInAndNextAttemptAtLessThanEqualOrderByIdAsc(
      Collection<MailStatus> statuses, Instant now);
}
