package org.qunbei.shared;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * One rule for every paged list: a page starts at a row the databases can address. Their offsets
 * are 32-bit, so {@code page × size} beyond 2^31 - 1 (a hand-typed {@code page=2147483647}) is a
 * 400 naming the page, not an overflow deep in the query.
 */
public final class Paging {

  private Paging() {}

  public static boolean reachable(long page, long size) {
    return page >= 0 && size > 0 && page * size <= Integer.MAX_VALUE;
  }

  public static PageRequest of(int page, int size, Sort sort) {
    if (!reachable(page, size)) {
      throw InvalidInputException.of("page", "query.page.invalid");
    }
    return PageRequest.of(page, size, sort);
  }

  /** The most rows an API page carries (API.md: {@code size} 1–100, more is a 400). */
  public static final int MAX_SIZE = 100;

  /** A page a client asked for by query parameters: 400 naming {@code page} or {@code size}. */
  public static void checkRequested(int page, int size) {
    if (page < 0) {
      throw InvalidInputException.of("page", "query.page.invalid");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw InvalidInputException.of("size", "query.size.invalid");
    }
  }

  public static PageRequest of(int page, int size) {
    return of(page, size, Sort.unsorted());
  }
}
