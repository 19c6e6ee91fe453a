package org.qunbei.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One stored day of a year's arrangement. */
@Entity
@Table(name = "calendar_day")
class CalendarDay {

  @Id
  @Column(name = "calendar_date")
  private LocalDate date;

  @Column(name = "arrangement_year")
  private int year;

  @Enumerated(EnumType.STRING)
  private DayKind kind;

  private String name;

  protected CalendarDay() {}

  CalendarDay(int year, ArrangedDay day) {
    this.year = year;
    this.date = day.date();
    this.kind = day.kind();
    this.name = day.name();
  }

  ArrangedDay toDay() {
    return new ArrangedDay(date, kind, name);
  }
}
