-- Section 四: who accepted the department's commitment on line, and when (set at each
-- submission; paper-era filings carry their signed original instead).
alter table filing add column commitment_accepted_by varchar(50);
alter table filing add column commitment_accepted_by_name varchar(100);
alter table filing add column commitment_accepted_at ${timestamp_type};
