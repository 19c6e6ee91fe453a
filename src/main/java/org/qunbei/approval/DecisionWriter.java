package org.qunbei.approval;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Inserts a decision with the decider's signature and the office's stamp as they are at this
 * moment, picked by the insert itself (the newest upload of each): one statement, not three.
 */
@Component
class DecisionWriter {

  private final JdbcTemplate jdbc;
  private final boolean wallClockColumns;

  DecisionWriter(JdbcTemplate jdbc, javax.sql.DataSource dataSource) {
    this.jdbc = jdbc;
    this.wallClockColumns = isMariaDbOrMySql(dataSource);
  }

  /** MariaDB/MySQL keep instants in DATETIME columns, as UTC wall-clock time (see V1). */
  private static boolean isMariaDbOrMySql(javax.sql.DataSource dataSource) {
    try {
      String url =
          org.springframework.jdbc.support.JdbcUtils.extractDatabaseMetaData(
              dataSource, java.sql.DatabaseMetaData::getURL);
      return url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:");
    } catch (org.springframework.jdbc.support.MetaDataAccessException e) {
      throw new IllegalStateException("cannot tell which database this is", e);
    }
  }

  void insert(
      Long filingId,
      int round,
      String step,
      DecisionKind decision,
      String opinion,
      String decidedBy,
      String decidedByName,
      Instant decidedAt,
      String stampOwner) {
    jdbc.update(
        """
        insert into review_decision (filing_id, review_round, step, decision, opinion, decided_by,
          decided_by_name, decided_at, signature_image_id, stamp_image_id)
        values (?, ?, ?, ?, ?, ?, ?, ?,
          (select max(id) from seal_image where kind = 'SIGNATURE' and owner = ?),
          (select max(id) from seal_image where kind = 'STAMP' and owner = ?))
        """,
        ps -> {
          ps.setLong(1, filingId);
          ps.setInt(2, round);
          ps.setString(3, step);
          ps.setString(4, decision.name());
          ps.setString(5, opinion);
          ps.setString(6, decidedBy);
          ps.setString(7, decidedByName);
          // As Hibernate writes instants (hibernate.jdbc.time_zone=UTC), so that it reads them
          // back.
          if (wallClockColumns) {
            ps.setObject(8, LocalDateTime.ofInstant(decidedAt, ZoneOffset.UTC));
          } else {
            ps.setObject(8, OffsetDateTime.ofInstant(decidedAt, ZoneOffset.UTC));
          }
          ps.setString(9, decidedBy);
          ps.setString(10, stampOwner);
        });
  }
}
