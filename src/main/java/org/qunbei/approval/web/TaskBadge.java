package org.qunbei.approval.web;

import jakarta.servlet.http.HttpServletRequest;
import org.qunbei.accounts.CurrentUsers;
import org.qunbei.approval.Inbox;
import org.qunbei.shared.Badges;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The count of waiting tasks beside "待我审批" in every page's header, by {@link Badges}' rule. */
@ControllerAdvice(annotations = Controller.class)
class TaskBadge {

  private final Inbox inbox;
  private final Badges badges;

  TaskBadge(Inbox inbox, Badges badges) {
    this.inbox = inbox;
    this.badges = badges;
  }

  @ModelAttribute("taskCount")
  String taskCount(HttpServletRequest request) {
    return badges.figure(
        request, limit -> CurrentUsers.current().map(u -> inbox.countUpTo(u, limit)).orElse(0L));
  }
}
