package org.qunbei.system;

import java.sql.Types;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Arguments for SQL written by hand that may be null, bound with their type. An untyped null is
 * bound as of no type, so a statement whose argument is null one time and a text the next is
 * prepared and planned again by PostgreSQL each time (pg_stat_statements: as many plans as calls —
 * half the database's time of a decision, ADR 26).
 */
public final class SqlArgs {

  private SqlArgs() {}

  public static SqlParameterValue text(String value) {
    return new SqlParameterValue(Types.VARCHAR, value);
  }

  public static SqlParameterValue number(Long value) {
    return new SqlParameterValue(Types.BIGINT, value);
  }
}
