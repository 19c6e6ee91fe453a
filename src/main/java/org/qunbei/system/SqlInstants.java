package org.qunbei.system;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * Instants for SQL written by hand, bound as Hibernate binds them (hibernate.jdbc.time_zone=UTC) so
 * that entities read them back: MariaDB/MySQL keep instants in DATETIME columns as UTC wall-clock
 * time (see V1), the others in timestamp-with-time-zone columns.
 */
@Component
public class SqlInstants {

  private final boolean wallClockColumns;

  SqlInstants(DatabaseKind database) {
    this.wallClockColumns = database.mariaDbOrMySql();
  }

  /** The value to pass to {@code setObject} or as a JdbcTemplate argument. */
  public Object bind(Instant instant) {
    if (instant == null) {
      return null;
    }
    return wallClockColumns
        ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
        : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** As {@link #bind}, typed even when null: for JdbcTemplate's arguments ({@link SqlArgs}). */
  public org.springframework.jdbc.core.SqlParameterValue arg(Instant instant) {
    return new org.springframework.jdbc.core.SqlParameterValue(
        wallClockColumns ? java.sql.Types.TIMESTAMP : java.sql.Types.TIMESTAMP_WITH_TIMEZONE,
        bind(instant));
  }

  /** An instant read back from a column written by {@link #bind}. */
  public Instant read(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
    if (wallClockColumns) {
      LocalDateTime t = rs.getObject(column, LocalDateTime.class);
      return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
