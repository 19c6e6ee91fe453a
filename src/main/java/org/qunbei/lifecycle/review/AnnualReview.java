package org.qunbei.lifecycle.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Directory;
import org.qunbei.accounts.Role;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingContent;
import org.qunbei.filing.Filings;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.NotFoundException;
import org.qunbei.shared.StateConflictException;
import org.qunbei.shared.Violations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual review (年度复核) as a cleanup campaign (清理整合): the cyberspace office opens a round with a
 * deadline over every group on the register; each department confirms its groups (with their member
 * count now) one by one or all at once, or files a change or reports a dissolution, which count as
 * its answer; groups of a department that look alike are pointed out. Progress per department is
 * live and is the round's report.
 */
@Service
@Transactional
public class AnnualReview {

  static final int TITLE_LENGTH = 100;
  static final int MAX_MEMBERS = 100_000;

  private final ReviewStore store;
  private final Filings filings;
  private final Directory directory;
  private final Clock clock;

  AnnualReview(ReviewStore store, Filings filings, Directory directory, Clock clock) {
    this.store = store;
    this.filings = filings;
    this.directory = directory;
    this.clock = clock;
  }

  public ReviewRound open(CurrentUser user, String title, LocalDate deadline) {
    requireOffice(user);
    var v = new Violations();
    String t = title == null ? "" : title.strip();
    if (t.isEmpty()) {
      v.add("title", "review.title.required");
    } else if (t.length() > TITLE_LENGTH) {
      v.add("title", "review.title.tooLong", TITLE_LENGTH);
    }
    if (deadline == null) {
      v.add("deadline", "review.deadline.required");
    } else if (deadline.isBefore(LocalDate.now(clock))) {
      v.add("deadline", "review.deadline.past");
    }
    v.throwIfAny();
    if (store.anyOpen()) {
      throw new StateConflictException("review.alreadyOpen");
    }
    long id = store.open(t, deadline, user.username(), clock.instant());
    return store.round(id).orElseThrow();
  }

  public void close(CurrentUser user, long roundId) {
    requireOffice(user);
    store.close(round(roundId).id(), clock.instant());
  }

  @Transactional(readOnly = true)
  public List<ReviewRound> rounds() {
    return store.rounds();
  }

  @Transactional(readOnly = true)
  public ReviewRound round(long id) {
    return store.round(id).orElseThrow(() -> new NotFoundException("review round " + id));
  }

  /** The groups a department answers for, with what they look like. */
  @Transactional(readOnly = true)
  public List<ReviewItem> itemsOf(CurrentUser user, long roundId) {
    round(roundId);
    String department = departmentOf(user);
    List<ReviewStore.Row> rows = store.items(roundId, department);
    Map<Long, FilingContent> contents = new HashMap<>();
    for (Filing f : filings.findFiledOf(department)) {
      contents.put(f.id(), f.content());
    }
    List<ReviewItem> items = new ArrayList<>();
    for (ReviewStore.Row r : rows) {
      List<String> alike = new ArrayList<>();
      FilingContent mine = contents.get(r.filingId());
      for (ReviewStore.Row other : rows) {
        FilingContent theirs = contents.get(other.filingId());
        if (other.id() != r.id()
            && mine != null
            && theirs != null
            && Resemblance.alike(mine, theirs)) {
          alike.add(other.groupName());
        }
      }
      items.add(
          new ReviewItem(
              r.id(),
              r.filingId(),
              r.number(),
              r.groupName(),
              r.departmentCode(),
              r.memberCount(),
              r.answer(),
              r.changeId(),
              alike));
    }
    return items;
  }

  /**
   * Confirms groups of the caller's department, each with its member count now: one, or all at
   * once. Every count is checked before any is stored; each problem names its group.
   */
  public int confirm(CurrentUser user, long roundId, Map<Long, String> memberCounts) {
    ReviewRound round = round(roundId);
    if (!round.open()) {
      throw new StateConflictException("review.closed");
    }
    String department = departmentOf(user);
    var v = new Violations();
    Map<Long, Integer> counts = new LinkedHashMap<>();
    memberCounts.forEach(
        (item, text) -> {
          String field = "items[" + item + "].memberCount";
          try {
            int n = Integer.parseInt(text == null ? "" : text.strip());
            if (n < 1 || n > MAX_MEMBERS) {
              v.add(field, "review.members.range", MAX_MEMBERS);
            } else {
              counts.put(item, n);
            }
          } catch (NumberFormatException e) {
            v.add(field, "review.members.invalid", text == null ? "" : text);
          }
        });
    if (memberCounts.isEmpty()) {
      v.add("items", "review.items.none");
    }
    v.throwIfAny();
    int confirmed = 0;
    for (var e : counts.entrySet()) {
      if (!store.confirm(
          roundId, e.getKey(), department, e.getValue(), user.username(), clock.instant())) {
        throw new NotFoundException("review item " + e.getKey());
      }
      confirmed++;
    }
    return confirmed;
  }

  /** Every department's answers so far: the live progress and the round's report. */
  @Transactional(readOnly = true)
  public List<DepartmentProgress> progress(CurrentUser user, long roundId) {
    requireOffice(user);
    round(roundId);
    Map<String, long[]> tally = new LinkedHashMap<>();
    for (ReviewStore.Row r : store.items(roundId, null)) {
      long[] t = tally.computeIfAbsent(r.departmentCode(), d -> new long[5]);
      t[0]++;
      t[1 + r.answer().ordinal()]++; // NONE, CONFIRMED, CHANGED, DISSOLVED
    }
    List<DepartmentProgress> progress = new ArrayList<>();
    tally.forEach(
        (dept, t) ->
            progress.add(
                new DepartmentProgress(
                    dept, directory.nameOf(dept), t[0], t[2], t[3], t[4], t[1])));
    return progress;
  }

  /** Only the cyberspace office opens, closes and reports rounds; checked before any input. */
  public static void requireOffice(CurrentUser user) {
    if (!user.has(Role.CYBERSPACE_OFFICE)) {
      throw new ForbiddenException("review.notOffice");
    }
  }

  private static String departmentOf(CurrentUser user) {
    if (user.departmentCode() == null || !(user.canFile() || user.has(Role.DEPARTMENT_HEAD))) {
      throw new ForbiddenException("review.notDepartment");
    }
    return user.departmentCode();
  }
}
