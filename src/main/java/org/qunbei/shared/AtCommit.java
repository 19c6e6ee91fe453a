package org.qunbei.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a transaction gathers as it goes and writes together just before it commits: one round trip
 * for all of them, and whatever lock the writing takes held for the commit only. Written in the
 * same transaction, they commit or roll back with it. Outside a transaction, or once the
 * transaction's batch is written (a later synchronization's {@code beforeCommit} added one), an
 * item is written at once.
 *
 * @param <T> what is gathered
 */
public final class AtCommit<T> {

  private final Consumer<List<T>> write;
  private final int order;

  /**
   * @param write writes a batch, in the transaction
   * @param order among the transaction's synchronizations, lower first
   */
  public AtCommit(Consumer<List<T>> write, int order) {
    this.write = write;
    this.order = order;
  }

  public void add(T item) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      write.accept(List.of(item));
      return;
    }
    @SuppressWarnings("unchecked")
    var batch = (Batch) TransactionSynchronizationManager.getResource(this);
    if (batch == null) {
      batch = new Batch();
      TransactionSynchronizationManager.bindResource(this, batch);
      TransactionSynchronizationManager.registerSynchronization(batch);
    }
    if (batch.written) {
      write.accept(List.of(item));
    } else {
      batch.items.add(item);
    }
  }

  private final class Batch implements TransactionSynchronization {
    final List<T> items = new ArrayList<>();
    boolean written;

    @Override
    public int getOrder() {
      return order;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      written = true;
      if (!items.isEmpty()) {
        write.accept(items);
      }
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(AtCommit.this);
    }
  }
}
