package org.qunbei.accounts.internal;

import java.util.List;
import org.qunbei.accounts.OpenWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an account leaves behind if it is disabled or departs: the filings waiting on it, and the
 * departments it heads or leads (changing those moves their queues to the successor).
 */
@Component
public class OpenWorkOf {

  /** The work and the posts; {@code heads} and {@code leads} are department codes. */
  public record Held(List<OpenWork.OpenTask> tasks, List<String> heads, List<String> leads) {
    public boolean isEmpty() {
      return tasks.isEmpty() && heads.isEmpty() && leads.isEmpty();
    }
  }

  private final ObjectProvider<OpenWork> work;
  private final AccountDetailsService principals;
  private final Departments departments;

  OpenWorkOf(
      ObjectProvider<OpenWork> work, AccountDetailsService principals, Departments departments) {
    this.work = work;
    this.principals = principals;
    this.departments = departments;
  }

  @Transactional(readOnly = true)
  Held of(UserAccount account) {
    var person = principals.principalOf(account).user();
    List<OpenWork.OpenTask> tasks = work.stream().flatMap(w -> w.heldBy(person).stream()).toList();
    return new Held(
        tasks,
        departments.codesHeadedBy(account.username()),
        departments.codesLedBy(account.username()));
  }
}
