package org.qunbei.approval.web;

import jakarta.servlet.http.HttpServletRequest;
import org.qunbei.accounts.CurrentUsers;
import org.qunbei.approval.Copies;
import org.qunbei.shared.Badges;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The count of unread copies (抄送) beside "抄送我的", by {@link Badges}' rule. */
@ControllerAdvice(annotations = Controller.class)
class CopyBadge {

  private final Copies copies;
  private final Badges badges;

  CopyBadge(Copies copies, Badges badges) {
    this.copies = copies;
    this.badges = badges;
  }

  @ModelAttribute("unreadCopies")
  String unreadCopies(HttpServletRequest request) {
    return badges.figure(
        request, limit -> CurrentUsers.current().map(u -> copies.unreadUpTo(u, limit)).orElse(0L));
  }
}
