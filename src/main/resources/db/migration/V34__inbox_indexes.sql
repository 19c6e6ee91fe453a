-- The task badge on every page counts what waits for the reader: filings at a step (by step,
-- classification and department, as Inbox.waitingFor asks) or handed over to them (assignee). At a
-- province's 10^6 filings that count read the whole table (~300 ms per page view on PostgreSQL);
-- with these it reads the index alone.
create index ix_filing_step on filing (current_step, classified, department_code, assignee);
create index ix_filing_assignee on filing (assignee);
