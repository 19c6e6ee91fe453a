package org.qunbei.shared;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many times one key (an address) may do something costly in a clock minute, on this node: a
 * rate needs no agreement between nodes, and forgets itself. {@code perMinute} 0 means no limit.
 */
public final class MinuteBudget {

  /**
   * Beyond this many keys the past minutes' are dropped, so a flood of addresses cannot grow it.
   */
  private static final int PRUNE_AT = 10_000;

  private final int perMinute;
  private final Clock clock;
  private final ConcurrentHashMap<String, long[]> counts = new ConcurrentHashMap<>();

  public MinuteBudget(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = clock;
  }

  /** Takes one from the key's budget of this minute; false when it is spent. */
  public boolean take(String key) {
    if (perMinute <= 0 || key == null) {
      return true;
    }
    long minute = clock.millis() / 60_000;
    long[] slot =
        counts.compute(
            key,
            (k, v) ->
                v == null || v[0] != minute
                    ? new long[] {minute, 1}
                    : new long[] {minute, v[1] + 1});
    if (counts.size() > PRUNE_AT) {
      counts.entrySet().removeIf(e -> e.getValue()[0] != minute);
    }
    return slot[1] <= perMinute;
  }
}
