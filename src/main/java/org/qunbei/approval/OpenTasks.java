package org.qunbei.approval;

import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.OpenWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The inbox of an account, told to the directory console: what is waiting on that person. */
@Component
class OpenTasks implements OpenWork {

  /** More than a page of waiting work is a reassignment for the office, not a list to read. */
  private static final int SHOWN = 50;

  private final Inbox inbox;

  OpenTasks(Inbox inbox) {
    this.inbox = inbox;
  }

  @Override
  @Transactional(readOnly = true)
  public List<OpenTask> heldBy(CurrentUser person) {
    return inbox.tasks(person, 0, SHOWN).stream()
        .map(
            t ->
                new OpenTask(
                    t.id(),
                    t.number(),
                    t.departmentCode(),
                    t.stepLabel(),
                    t.submittedAt(),
                    t.handedToMe()))
        .toList();
  }
}
