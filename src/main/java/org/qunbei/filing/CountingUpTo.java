package org.qunbei.filing;

import org.springframework.data.jpa.domain.Specification;

/**
 * Counts that stop: "more than 1,000" for a list, "99+" on a badge. Counting every match reads
 * every matching row; at a province's 10^6 filings that cost more than the page it sat on.
 */
public interface CountingUpTo {

  /**
   * How many filings match, counted up to {@code limit}: the ids of at most that many, which an
   * index delivers in a few milliseconds. {@code limit} means "that many or more".
   */
  long countUpTo(Specification<Filing> spec, int limit);
}
