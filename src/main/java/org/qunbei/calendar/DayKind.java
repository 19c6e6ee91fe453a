package org.qunbei.calendar;

/** What the year's arrangement makes of a day: a day off, or a weekend day worked (调休上班). */
public enum DayKind {
  HOLIDAY,
  WORKDAY
}
