package org.qunbei.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The last day of a period of working days. {@code estimatedYears} names the years the count ran
 * through without their official arrangement: there it counted Monday to Friday, so the date may
 * move once the arrangement is loaded.
 */
public record Deadline(LocalDate date, List<Integer> estimatedYears) {

  public Deadline {
    estimatedYears = List.copyOf(estimatedYears);
  }

  public boolean estimated() {
    return !estimatedYears.isEmpty();
  }
}
