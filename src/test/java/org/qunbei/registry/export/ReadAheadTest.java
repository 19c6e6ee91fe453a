package org.qunbei.registry.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The export's reader and writer side by side: every line in order, and a failure ends both. */
class ReadAheadTest {

  @Test
  void everyItemArrivesInOrderAndTheReaderKeepsOnlyAFewAhead() {
    AtomicInteger read = new AtomicInteger();
    AtomicInteger mostAhead = new AtomicInteger();
    List<Integer> written = new ArrayList<>();
    ReadAhead.<Integer>run(
        "test-reader",
        3,
        sink ->
            IntStream.range(0, 10_000)
                .forEach(
                    i -> {
                      read.incrementAndGet();
                      sink.accept(i);
                    }),
        i -> {
          written.add(i);
          mostAhead.accumulateAndGet(read.get() - written.size(), Math::max);
        });
    assertThat(written).containsExactlyElementsOf(IntStream.range(0, 10_000).boxed().toList());
    // three in the queue, one being handed over, one being read
    assertThat(mostAhead.get()).isLessThanOrEqualTo(5);
  }

  /** Reads 1 and 2, then fails with {@code failure}; returns what the writer wrote meanwhile. */
  private static List<Integer> failingAfterTwo(Throwable failure, Class<?> thrown) {
    List<Integer> written = new ArrayList<>();
    assertThatThrownBy(
            () ->
                ReadAhead.<Integer>run(
                    "test-reader",
                    3,
                    sink -> {
                      sink.accept(1);
                      sink.accept(2);
                      if (failure instanceof Error error) {
                        throw error;
                      }
                      throw (RuntimeException) failure;
                    },
                    written::add))
        .isInstanceOf(thrown)
        .hasMessage(failure.getMessage());
    return written;
  }

  @Test
  void theReadersFailureReachesTheWriterAfterWhatWasReadBefore() {
    var written =
        failingAfterTwo(
            new IllegalStateException("the database went away"), IllegalStateException.class);
    assertThat(written).containsExactly(1, 2);
  }

  @Test
  @org.junit.jupiter.api.Timeout(10) // the writer waited for ever before
  void aReaderThatDiesOfAnErrorDoesNotLeaveTheWriterWaiting() {
    var written = failingAfterTwo(new OutOfMemoryError("Java heap space"), OutOfMemoryError.class);
    assertThat(written).containsExactly(1, 2);
  }

  @Test
  void whenTheWriterFailsTheReaderStopsInsteadOfReadingOn() throws Exception {
    CountDownLatch readerEnded = new CountDownLatch(1);
    AtomicInteger read = new AtomicInteger();
    assertThatThrownBy(
            () ->
                ReadAhead.<Integer>run(
                    "test-reader",
                    3,
                    sink -> {
                      try {
                        for (int i = 0; i < 1_000_000; i++) {
                          read.incrementAndGet();
                          sink.accept(i);
                        }
                      } finally {
                        readerEnded.countDown();
                      }
                    },
                    i -> {
                      if (i == 10) {
                        throw new UncheckedIOException(new java.io.IOException("client gone"));
                      }
                    }))
        .isInstanceOf(UncheckedIOException.class);
    // The reader ends (its transaction with it) soon after, without reading the rest.
    assertThat(readerEnded.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(read.get()).isLessThan(100);
  }
}
