package org.qunbei.notify.web;

import org.qunbei.accounts.CurrentUser;
import org.qunbei.notify.Notice;
import org.qunbei.notify.NoticeBoard;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The user's notices: a page, and the same as JSON for other systems. */
@Controller
class NoticePages {

  private final NoticeBoard board;

  NoticePages(NoticeBoard board) {
    this.board = board;
  }

  @GetMapping("/notices")
  String page(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("page", board.of(user, page));
    return "notify/notices";
  }

  /**
   * Opening a notice (a plain link in the list) marks it read and leads to where its reader acts:
   * the decision form, the filing, or its edit page. Someone else's notice is not found.
   */
  @GetMapping("/notices/{id}")
  String open(CurrentUser user, @PathVariable long id) {
    Notice n = board.read(user, id);
    return "redirect:" + n.link();
  }

  /** The same for a page that still posts (kept for bookmarks and scripts of earlier releases). */
  @PostMapping("/notices/{id}/read")
  String read(CurrentUser user, @PathVariable long id) {
    return open(user, id);
  }
}
