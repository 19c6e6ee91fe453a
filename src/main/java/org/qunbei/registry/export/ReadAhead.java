package org.qunbei.registry.export;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A reader on a thread of its own that runs a few items ahead of a writer on the caller's thread:
 * the export reads filings from the database while the workbook of those before is written, and
 * takes the longer of the two instead of their sum. Memory stays {@code ahead} items.
 *
 * <p>A failure on either side ends both. The reader's is thrown to the writer; when the writer
 * throws (the client went away), the reader's next hand-over throws, which ends its read — and with
 * it its transaction — within {@link #WAIT_MS}.
 */
final class ReadAhead {

  /** How often a reader waiting for room looks whether the writer has stopped. */
  static final long WAIT_MS = 200;

  /** The end of the items, handed over after the last one. */
  private static final Object END = new Object();

  /** What went wrong on the reader's side, handed to the writer to throw. */
  private record Failure(Throwable cause) {}

  /** The writer stopped: thrown into the reader at its next hand-over. */
  static final class Abandoned extends RuntimeException {
    Abandoned() {
      super("the writer stopped", null, false, false);
    }
  }

  private ReadAhead() {}

  /**
   * Runs {@code reader} on a thread named {@code name}, which hands each item to the sink it is
   * given, and passes every item to {@code writer} here, in order. Returns when the reader has
   * finished and every item is written.
   */
  static <T> void run(String name, int ahead, Consumer<Consumer<T>> reader, Consumer<T> writer) {
    BlockingQueue<Object> handed = new ArrayBlockingQueue<>(ahead);
    AtomicBoolean stopped = new AtomicBoolean();
    Thread thread =
        new Thread(
            () -> {
              try {
                reader.accept(item -> hand(handed, item, stopped));
                hand(handed, END, stopped);
              } catch (Abandoned e) {
                // the writer is gone: nobody to tell
              } catch (RuntimeException | Error e) {
                // An Error too (out of memory, a class that will not load): a reader that died
                // without a word would leave the writer waiting for its next item for ever.
                try {
                  hand(handed, new Failure(e), stopped);
                } catch (Abandoned gone) {
                  // the writer stopped first: its own failure is the one reported
                }
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    try {
      for (Object next = take(handed); next != END; next = take(handed)) {
        if (next instanceof Failure failure) {
          if (failure.cause() instanceof Error error) {
            throw error;
          }
          throw (RuntimeException) failure.cause();
        }
        @SuppressWarnings("unchecked")
        T item = (T) next;
        writer.accept(item);
      }
    } finally {
      stopped.set(true);
      handed.clear();
    }
  }

  private static Object take(BlockingQueue<Object> handed) {
    try {
      return handed.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the reader", e);
    }
  }

  /** Hands an item over when there is room; throws {@link Abandoned} once the writer stopped. */
  private static void hand(BlockingQueue<Object> handed, Object item, AtomicBoolean stopped) {
    try {
      while (!handed.offer(item, WAIT_MS, TimeUnit.MILLISECONDS)) {
        if (stopped.get()) {
          throw new Abandoned();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Abandoned();
    }
  }
}
