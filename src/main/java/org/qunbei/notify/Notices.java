package org.qunbei.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

interface Notices extends Repository<Notice, Long> {

  Notice save(Notice notice);

  Optional<Notice> findById(Long id);

  Page<Notice> findByRecipientOrderByIdDesc(String recipient, Pageable pageable);

  long countByRecipientAndReadAtIsNull(String recipient);

  /** The oldest notices whose e-mail is due (pending, or claimed by a sender that died). */
  List<Notice> findTop50ByMailStatusInAndNextAttemptAtLessThanEqualOrderByIdAsc(
      Collection<MailStatus> statuses, Instant now);
}
