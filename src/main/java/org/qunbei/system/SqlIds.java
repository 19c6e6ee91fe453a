package org.qunbei.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rows of many filings (or other ids) read in one statement by SQL written by hand, the ids as
 * one array parameter where the database takes one (PostgreSQL, H2) and as a list of parameters
 * elsewhere (MariaDB/MySQL have no arrays). One parameter makes every batch the same statement,
 * which PostgreSQL plans once: an export of 10^5 filings looks up their teams and decisions 250 at
 * a time, and planning a list of 250 parameters took ~0.6 ms of each ~5 ms look-up.
 */
@Component
public class SqlIds {

  private final NamedParameterJdbcTemplate jdbc;
  private final boolean arrays;

  SqlIds(NamedParameterJdbcTemplate jdbc, DatabaseKind database) {
    this.jdbc = jdbc;
    this.arrays = !database.mariaDbOrMySql();
  }

  /**
   * The rows of {@code select} (its columns and table, up to {@code where}) whose {@code column} is
   * among {@code ids}, in {@code orderBy}'s order, each under its first column's id; an id without
   * rows is absent.
   */
  public <T> Map<Long, List<T>> grouped(
      String select, String column, String orderBy, Collection<Long> ids, RowMapper<T> row) {
    Map<Long, List<T>> rows = new HashMap<>();
    if (ids.isEmpty()) {
      return rows;
    }
    String among = arrays ? column + " = any(:ids)" : column + " in (:ids)";
    Object bound = arrays ? ids.toArray(Long[]::new) : ids;
    jdbc.query(
        select + " where " + among + " order by " + orderBy,
        Map.of("ids", bound),
        rs -> {
          rows.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>(4)).add(row.mapRow(rs, 0));
        });
    return rows;
  }
}
