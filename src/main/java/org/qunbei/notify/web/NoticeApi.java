package org.qunbei.notify.web;

import java.time.Instant;
import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.notify.Notice;
import org.qunbei.notify.NoticeBoard;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/notices}: the caller's own notices, newest first; {@code link} is the path where
 * the reader acts (the decision form, the filing, its edit page).
 */
@RestController
class NoticeApi {

  private final NoticeBoard board;

  NoticeApi(NoticeBoard board) {
    this.board = board;
  }

  @GetMapping("/api/notices")
  NoticePage list(CurrentUser user, @RequestParam(defaultValue = "0") int page) {
    Page<Notice> p = board.of(user, page);
    return new NoticePage(
        p.getContent().stream().map(NoticeView::of).toList(),
        p.getTotalElements(),
        board.unread(user));
  }

  record NoticePage(List<NoticeView> content, long totalElements, long unread) {}

  record NoticeView(
      Long id,
      Long filingId,
      String title,
      String body,
      String link,
      Instant createdAt,
      Instant readAt,
      String mailStatus) {
    static NoticeView of(Notice n) {
      return new NoticeView(
          n.id(),
          n.filingId(),
          n.title(),
          n.body(),
          n.link(),
          n.createdAt(),
          n.readAt(),
          n.mailStatus().name());
    }
  }
}
