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
  private final boolean walked;

  RegistryPage(
      List<RegistryEntry> content, Pageable pageable, long total, boolean totalExact, String next) {
    this(content, pageable, total, totalExact, next, false);
  }

  private RegistryPage(
      List<RegistryEntry> content,
      Pageable pageable,
      long total,
      boolean totalExact,
      String next,
      boolean walked) {
    super(content, pageable, total);
    this.totalExact = totalExact;
    this.next = next;
    this.walked = walked;
  }

  /**
   * A page reached by cursor: its lines, and nothing counted ({@code totalElements} is the lines up
   * to its end). More lines follow exactly when it has a {@code next}.
   */
  static RegistryPage walked(List<RegistryEntry> content, Pageable pageable, String next) {
    return new RegistryPage(content, pageable, content.size(), false, next, true);
  }

  /** Whether the page was reached by cursor, so that where it stands in the list is not counted. */
  public boolean isWalked() {
    return walked;
  }

  @Override
  public boolean hasNext() {
    return walked ? next != null : super.hasNext();
  }

  /**
   * The cursor of the next page ({@code after=}), when the sort offers one and more lines follow.
   */
  public String next() {
    return next;
  }

  public boolean isTotalExact() {
    return totalExact;
  }
}
