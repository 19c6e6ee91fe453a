-- A department's reader's list in its default order (newest change first) is found part by part too,
-- and its lines are counted part by part (ADR 24): each department's lines and what the reader
-- filed, walked in that order. Walking the whole registry's order and testing each line against
-- the scope read ~2,000 rows from the table for a page of a department's QQ groups at 10^6, and
-- counting them (up to 1,001) read ~3,000 more: 45–70 ms. On PostgreSQL the indexes carry the
-- filters' columns, type and status (FlywayDialect), so both are read from the index alone.
create index ix_filing_department_updated on filing (department_code, updated_at, id)${covering_line_filters};
create index ix_filing_created_by_updated on filing (created_by, updated_at, id)${covering_line_filters};
