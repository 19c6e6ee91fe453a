package org.qunbei.registry;

import java.util.List;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * A page of the registry and how many lines match: exactly when they are at most {@code
 * qunbei.registry.counted} (1,000), otherwise "more than that" ({@link #isTotalExact()} false).
 * Counting a province's million filings costs more than showing the page, and nobody pages to the
 * end of a list that long: they narrow it.
 */
public final class RegistryPage extends PageImpl<RegistryEntry> {

  private final boolean totalExact;
  private final String next;

  RegistryPage(
      List<RegistryEntry> content, Pageable pageable, long total, boolean totalExact, String next) {
    super(content, pageable, total);
    this.totalExact = totalExact;
    this.next = next;
  }

  /**
   * The cursor of the next page ({@code after=}), when the sort offers one and there may be more.
   */
  public String next() {
    return next;
  }

  public boolean isTotalExact() {
    return totalExact;
  }
}
