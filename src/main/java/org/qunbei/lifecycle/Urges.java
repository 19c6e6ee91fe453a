package org.qunbei.lifecycle;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qunbei.system.SqlInstants;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The urgings (催办) on record, read by the approver's inbox (is this row urged?) and the filing's
 * timeline (who urged when). {@link Urging} writes them.
 */
@Service
@Transactional(readOnly = true)
public class Urges {

  /** One urging of a filing's step. */
  public record Urge(long filingId, String step, String urgedBy, Instant urgedAt) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final SqlInstants instants;

  Urges(NamedParameterJdbcTemplate jdbc, SqlInstants instants) {
    this.jdbc = jdbc;
    this.instants = instants;
  }

  /** Every urging of one filing, oldest first. */
  public List<Urge> of(long filingId) {
    return jdbc.query(
        "select filing_id, step, urged_by, urged_at from step_urge where filing_id = :id"
            + " order by urged_at, id",
        Map.of("id", filingId),
        (rs, i) -> new Urge(rs.getLong(1), rs.getString(2), rs.getString(3), instants.read(rs, 4)));
  }

  /**
   * The latest urging of each filing's given step since the filing reached it: the filings of a
   * page of the inbox at once, one query.
   */
  public Map<Long, Instant> latest(Collection<Waiting> waiting) {
    Map<Long, Instant> latest = new HashMap<>();
    if (waiting.isEmpty()) {
      return latest;
    }
    Map<Long, Waiting> byId = new HashMap<>();
    waiting.forEach(w -> byId.put(w.filingId(), w));
    jdbc.query(
        "select filing_id, step, urged_at from step_urge where filing_id in (:ids)",
        Map.of("ids", byId.keySet()),
        rs -> {
          Waiting w = byId.get(rs.getLong(1));
          Instant at = instants.read(rs, 3);
          boolean thisStay =
              w.step().equals(rs.getString(2)) && (w.since() == null || !at.isBefore(w.since()));
          if (thisStay) {
            latest.merge(w.filingId(), at, (a, b) -> a.isAfter(b) ? a : b);
          }
        });
    return latest;
  }

  /** A filing waiting at a step since a moment (an urging before that was of an earlier stay). */
  public record Waiting(long filingId, String step, Instant since) {}
}
