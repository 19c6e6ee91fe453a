package org.qunbei.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A year whose official arrangement is loaded: where it comes from, who loaded it and when. */
@Entity
@Table(name = "calendar_year")
class ArrangementYear {

  @Id
  @Column(name = "arrangement_year")
  private Integer year;

  private String source;
  private String loadedBy;
  private Instant loadedAt;

  protected ArrangementYear() {}

  ArrangementYear(int year, String source, String loadedBy, Instant loadedAt) {
    this.year = year;
    this.source = source;
    this.loadedBy = loadedBy;
    this.loadedAt = loadedAt;
  }

  /** A correction of the year: the days were replaced, by this user, from this source. */
  void reload(String newSource, String by, Instant at) {
    source = newSource;
    loadedBy = by;
    loadedAt = at;
  }

  int year() {
    return year;
  }

  String source() {
    return source;
  }

  String loadedBy() {
    return loadedBy;
  }

  Instant loadedAt() {
    return loadedAt;
  }
}
