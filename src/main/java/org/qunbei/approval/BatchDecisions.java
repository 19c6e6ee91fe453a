package org.qunbei.approval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.filing.Filings;
import org.qunbei.filing.Reviewable;
import org.qunbei.shared.CodedException;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.shared.NotFoundException;
import org.qunbei.shared.StaleVersionException;
import org.qunbei.shared.StateConflictException;
import org.qunbei.shared.Violations;
import org.qunbei.system.Messages;
import org.springframework.stereotype.Service;

/**
 * Batch approval (批量审批): one opinion for several filings, each decided on its own — its own
 * transaction, its own audit event, its own notices — so that one refused (decided meanwhile,
 * changed since the list was read, not the caller's any more) undoes none of the others.
 */
@Service
public class BatchDecisions {

  /** A page of the inbox: more is a reassignment for the office, not one tap. */
  public static final int MAX_ITEMS = 100;

  private final ApprovalService approvals;
  private final Filings filings;
  private final Messages messages;

  BatchDecisions(ApprovalService approvals, Filings filings, Messages messages) {
    this.approvals = approvals;
    this.filings = filings;
    this.messages = messages;
  }

  /** One filing of a batch, with the version the approver read (null: whatever it is now). */
  public record Item(Long id, Long version) {}

  /**
   * How one filing of the batch went; {@code detail} says why when it was refused, {@code label}
   * which filing it is (number and group name; only the id for one the caller may not know of).
   */
  public record Outcome(long id, Result result, String detail, String label, Reviewable filing) {
    public boolean decided() {
      return result == Result.DECIDED;
    }
  }

  public enum Result {
    DECIDED,
    INVALID,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    STALE
  }

  public List<Outcome> decide(CurrentUser user, List<Item> items, DecisionRequest request) {
    checked(items, request);
    List<Outcome> outcomes = new ArrayList<>();
    for (Item item : items) {
      outcomes.add(decideOne(user, item, request));
    }
    return outcomes;
  }

  private Outcome decideOne(CurrentUser user, Item item, DecisionRequest request) {
    try {
      Reviewable f = approvals.decide(user, item.id(), request, item.version());
      return new Outcome(item.id(), Result.DECIDED, null, labelOf(f), f);
    } catch (InvalidInputException e) {
      return refused(item, Result.INVALID, messages.text(e.violations().list().get(0)));
    } catch (ForbiddenException e) {
      return refused(item, Result.FORBIDDEN, text(e));
    } catch (NotFoundException e) {
      return refused(item, Result.NOT_FOUND, messages.text("problem.notFound.detail"));
    } catch (StateConflictException e) {
      return refused(item, Result.CONFLICT, text(e));
    } catch (StaleVersionException e) {
      return refused(item, Result.STALE, messages.text("problem.optimistic.detail"));
    }
  }

  private String text(CodedException e) {
    return messages.text(e.code(), e.args());
  }

  private Outcome refused(Item item, Result result, String detail) {
    String label =
        result == Result.NOT_FOUND
            ? messages.text("approval.batch.unknown", item.id())
            : filings.findById(item.id()).map(BatchDecisions::labelOf).orElse("#" + item.id());
    return new Outcome(item.id(), result, detail, label, null);
  }

  private static String labelOf(Reviewable f) {
    return (f.number() == null ? "" : f.number() + " ") + f.groupName();
  }

  /** What is wrong with the batch as a whole is said once, before any filing is decided. */
  private static void checked(List<Item> items, DecisionRequest request) {
    var v = new Violations();
    if (items == null || items.isEmpty()) {
      v.add("filings", "approval.batch.empty");
    } else if (items.size() > MAX_ITEMS) {
      v.add("filings", "approval.batch.tooMany", MAX_ITEMS, items.size());
    } else {
      Set<Long> seen = new HashSet<>();
      for (int i = 0; i < items.size(); i++) {
        Long id = items.get(i).id();
        if (id == null) {
          v.add("filings[" + i + "]", "approval.batch.noId");
        } else if (!seen.add(id)) {
          v.add("filings[" + i + "]", "approval.batch.twice", id);
        }
      }
    }
    v.addAll(ApprovalService.violationsOf(request));
    v.throwIfAny();
  }
}
