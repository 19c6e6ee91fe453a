-- The living registry: a group keeps one identity through its filings. group_id is the id of the
-- group's first filing (null on that filing itself); a change filing (kind CHANGE) names the
-- version it changes (previous_id), the day the group changed, what changed, and its due day
-- (the change day + 5 working days, commitment 4). filed_at: when the last step approved.
alter table filing add column group_id bigint;
alter table filing add column kind varchar(10) default 'NEW' not null;
alter table filing add column previous_id bigint;
alter table filing add column changed_on date;
alter table filing add column change_reason varchar(500);
alter table filing add column due_by date;
alter table filing add column filed_at ${timestamp_type};

update filing set filed_at = updated_at where status = 'FILED';

create index ix_filing_group on filing (group_id);
create index ix_filing_previous on filing (previous_id);
