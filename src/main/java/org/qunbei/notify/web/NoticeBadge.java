package org.qunbei.notify.web;

import jakarta.servlet.http.HttpServletRequest;
import org.qunbei.accounts.CurrentUsers;
import org.qunbei.notify.NoticeBoard;
import org.qunbei.shared.Badges;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The count of unread notices beside "消息" in every page's header, by {@link Badges}' rule. */
@ControllerAdvice(annotations = Controller.class)
class NoticeBadge {

  private final NoticeBoard board;
  private final Badges badges;

  NoticeBadge(NoticeBoard board, Badges badges) {
    this.board = board;
    this.badges = badges;
  }

  @ModelAttribute("unreadCount")
  String unreadCount(HttpServletRequest request) {
    return badges.figure(
        request, limit -> CurrentUsers.current().map(u -> board.unreadUpTo(u, limit)).orElse(0L));
  }
}
