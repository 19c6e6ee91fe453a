package org.qunbei.notify.web;

import jakarta.servlet.http.HttpServletRequest;
import org.qunbei.accounts.CurrentUsers;
import org.qunbei.notify.NoticeBoard;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The count of unread notices in every page's header. */
@ControllerAdvice(annotations = Controller.class)
class NoticeBadge {

  private final NoticeBoard board;

  NoticeBadge(NoticeBoard board) {
    this.board = board;
  }

  @ModelAttribute("unreadCount")
  Long unreadCount(HttpServletRequest request) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return null;
    }
    return CurrentUsers.current().map(board::unread).orElse(null);
  }
}
