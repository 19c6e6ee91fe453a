package org.qunbei.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The slow-changing facts a decision asks for — who holds an office, a person's contact, the
 * robots, the delegations — kept on this node between transactions for as long as the database says
 * none of them changed (ADR 27). Every four-step lifecycle asked the directory the same questions a
 * dozen times, one round trip each; the answers change a few times a day.
 *
 * <p>The database keeps a <em>fact epoch</em>: triggers on the tables these facts come from
 * (app_user, user_role, department, robot, delegation) set it to a fresh random value in the
 * writing transaction, so it moves exactly when one of them commits a change, whoever wrote it —
 * this node, another node, or someone at the SQL prompt. A transaction reads the epoch once (the
 * decision reads it in the same statement as the filing's review: {@link #seen}), and an answer
 * kept here serves it only if it was read under that same epoch. An answer read in a transaction is
 * kept for the node only once that transaction commits: a rolled-back transaction's view, its own
 * uncommitted changes included, never reaches another; and since the epoch is random, not counted,
 * an epoch a rolled-back transaction saw never comes back, nor one from before a restore.
 *
 * <p>Within a transaction an answer is read once and then reused, as before (the next step's
 * deciders are asked for their notice, again for their delegations); a transaction that changes one
 * of these tables after asking is answered as it was before its change, like the look-ups
 * themselves, which do not flush first ({@link NoAutoFlush}).
 *
 * <p>Kept between transactions only where every statement reads what is committed when it starts
 * (READ COMMITTED: PostgreSQL, H2). Under MariaDB's REPEATABLE READ a transaction that changed
 * these tables would read its own new epoch beside rows from its older snapshot, and keep them
 * under that epoch; there answers live for their transaction only.
 */
@Component
public class NodeFacts {

  /** The epoch as a scalar subquery, to read with another statement. */
  public static final String EPOCH = "(select n from fact_epoch where id = 1)";

  /** How many answers a node keeps before it forgets them all (a province's directory fits). */
  static final int CAPACITY = 20_000;

  private final JdbcTemplate jdbc;
  private final Map<String, Known> kept = new ConcurrentHashMap<>();
  private volatile Boolean readsCommitted;

  NodeFacts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The answer to {@code key}: this transaction's, this node's if read under the epoch this
   * transaction sees, or read now.
   */
  @SuppressWarnings("unchecked")
  public <T> T read(String key, Supplier<T> load) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return load.get();
    }
    Memo memo = memo();
    Object known = memo.answers.get(key);
    if (known != null) {
      return (T) known;
    }
    if (!readsCommitted()) {
      T fresh = load.get();
      memo.answers.put(key, fresh);
      return fresh;
    }
    memo.owner = this;
    long epoch = memo.epoch != null ? memo.epoch : readEpoch(memo);
    Known here = kept.get(key);
    if (here != null && here.epoch == epoch) {
      memo.answers.put(key, here.value);
      return (T) here.value;
    }
    T fresh = load.get();
    memo.answers.put(key, fresh);
    memo.read.put(key, new Known(epoch, fresh));
    return fresh;
  }

  /**
   * Tells this transaction the epoch its first statement read beside its own columns, so that the
   * facts it asks for next cost no round trip of their own.
   */
  public static void seen(long epoch) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      Memo memo = memo();
      if (memo.epoch == null) {
        memo.epoch = epoch;
      }
    }
  }

  /** Whether the database's transactions read at READ COMMITTED (asked once). */
  private boolean readsCommitted() {
    if (readsCommitted == null) {
      readsCommitted =
          jdbc.execute(
              (java.sql.Connection c) ->
                  c.getTransactionIsolation() == java.sql.Connection.TRANSACTION_READ_COMMITTED);
    }
    return readsCommitted;
  }

  private long readEpoch(Memo memo) {
    Long epoch = jdbc.queryForObject("select n from fact_epoch where id = 1", Long.class);
    memo.epoch = epoch;
    return epoch;
  }

  private void keep(Memo memo) {
    if (kept.size() + memo.read.size() > CAPACITY) {
      kept.clear();
    }
    kept.putAll(memo.read);
  }

  private static Memo memo() {
    Memo memo = (Memo) TransactionSynchronizationManager.getResource(Memo.KEY);
    if (memo == null) {
      Memo fresh = new Memo();
      TransactionSynchronizationManager.bindResource(Memo.KEY, fresh);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            // A transaction started inside this one (REQUIRES_NEW) reads for itself.
            @Override
            public void suspend() {
              TransactionSynchronizationManager.unbindResourceIfPossible(Memo.KEY);
            }

            @Override
            public void resume() {
              TransactionSynchronizationManager.bindResource(Memo.KEY, fresh);
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(Memo.KEY);
              if (status == STATUS_COMMITTED && fresh.owner != null && !fresh.read.isEmpty()) {
                fresh.owner.keep(fresh);
              }
            }
          });
      memo = fresh;
    }
    return memo;
  }

  @Override
  public String toString() {
    return "NodeFacts[" + kept.size() + " kept]";
  }

  /** An answer and the epoch it was read under. */
  private record Known(long epoch, Object value) {}

  /** One transaction's epoch, its answers, and those it read itself (to keep at commit). */
  private static final class Memo {
    static final Object KEY = new Object();
    Long epoch;
    NodeFacts owner;
    final Map<String, Object> answers = new HashMap<>();
    final Map<String, Known> read = new HashMap<>();
  }
}
