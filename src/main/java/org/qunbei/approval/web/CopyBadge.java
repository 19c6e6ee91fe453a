package org.qunbei.approval.web;

import jakarta.servlet.http.HttpServletRequest;
import org.qunbei.accounts.CurrentUsers;
import org.qunbei.approval.Copies;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The count of unread copies (抄送) beside "抄送我的" in the approver's tab bar. */
@ControllerAdvice(annotations = Controller.class)
class CopyBadge {

  private final Copies copies;

  CopyBadge(Copies copies) {
    this.copies = copies;
  }

  @ModelAttribute("unreadCopies")
  Long unreadCopies(HttpServletRequest request) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return null; // JSON answers have no tab bar to show it in
    }
    return CurrentUsers.current().map(copies::unread).orElse(null);
  }
}
