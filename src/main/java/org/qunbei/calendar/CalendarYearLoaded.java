package org.qunbei.calendar;

/** An administrator loaded (or corrected) a year's arrangement; the audit trail records it. */
public record CalendarYearLoaded(
    int year, int holidays, int workdays, boolean replaced, String actor) {}
