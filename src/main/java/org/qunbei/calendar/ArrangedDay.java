package org.qunbei.calendar;

import java.time.LocalDate;

/** One day of a year's arrangement: a holiday or a make-up working day, and the festival's name. */
public record ArrangedDay(LocalDate date, DayKind kind, String name) {}
