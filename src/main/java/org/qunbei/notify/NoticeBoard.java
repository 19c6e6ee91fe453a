package org.qunbei.notify;

import java.time.Clock;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.shared.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's own notices: read, count, mark read. Nobody sees another's. */
@Service
@Transactional
public class NoticeBoard {

  private final Notices notices;
  private final Clock clock;

  NoticeBoard(Notices notices, Clock clock) {
    this.notices = notices;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Page<Notice> of(CurrentUser user, int page) {
    return notices.findByRecipientOrderByIdDesc(
        user.username(), org.qunbei.shared.Paging.of(Math.max(page, 0), 20));
  }

  @Transactional(readOnly = true)
  public long unread(CurrentUser user) {
    return notices.countByRecipientAndReadAtIsNull(user.username());
  }

  /** How many of the user's notices are unread, counted up to {@code limit}: a badge's figure. */
  @Transactional(readOnly = true)
  public long unreadUpTo(CurrentUser user, int limit) {
    return notices.unreadIds(user.username(), PageRequest.ofSize(limit)).size();
  }

  public Notice read(CurrentUser user, long id) {
    Notice n =
        notices
            .findById(id)
            .filter(x -> x.recipient().equals(user.username()))
            .orElseThrow(() -> new NotFoundException("notice " + id));
    n.read(clock.instant());
    return n;
  }
}
