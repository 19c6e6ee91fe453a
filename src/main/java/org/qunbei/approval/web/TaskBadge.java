package org.qunbei.approval.web;

import jakarta.servlet.http.HttpServletRequest;
import org.qunbei.accounts.CurrentUsers;
import org.qunbei.approval.Inbox;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The count of waiting tasks beside "待我审批" in every page's header: absent when none wait, "99+"
 * when more than {@code qunbei.tasks.badge-up-to} (99) do. Counting every waiting filing of a
 * province's cyberspace office (~14,000 at 10^6) took longer than the page it sat on, and nobody
 * reads a figure that large on a badge.
 */
@ControllerAdvice(annotations = Controller.class)
class TaskBadge {

  private final Inbox inbox;

  private final int upTo;

  TaskBadge(
      Inbox inbox,
      @org.springframework.beans.factory.annotation.Value("${qunbei.tasks.badge-up-to:99}")
          int upTo) {
    this.inbox = inbox;
    this.upTo = upTo;
  }

  @ModelAttribute("taskCount")
  String taskCount(HttpServletRequest request) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return null; // JSON answers have no header to show it in
    }
    long waiting = CurrentUsers.current().map(u -> inbox.countUpTo(u, upTo + 1)).orElse(0L);
    if (waiting == 0) {
      return null;
    }
    return waiting > upTo ? upTo + "+" : Long.toString(waiting);
  }
}
