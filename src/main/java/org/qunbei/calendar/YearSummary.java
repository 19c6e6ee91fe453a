package org.qunbei.calendar;

import java.time.Instant;

/** A loaded year as the calendar page lists it. */
public record YearSummary(
    int year, long holidays, long workdays, String source, String loadedBy, Instant loadedAt) {}
