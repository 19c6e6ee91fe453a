package org.qunbei.approval.web;

import jakarta.servlet.http.HttpServletRequest;
import org.qunbei.accounts.CurrentUsers;
import org.qunbei.approval.Inbox;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The count of waiting tasks beside "待我审批" in every page's header. */
@ControllerAdvice(annotations = Controller.class)
class TaskBadge {

  private final Inbox inbox;

  TaskBadge(Inbox inbox) {
    this.inbox = inbox;
  }

  @ModelAttribute("taskCount")
  Long taskCount(HttpServletRequest request) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return null; // JSON answers have no header to show it in
    }
    return CurrentUsers.current().map(inbox::count).orElse(null);
  }
}
