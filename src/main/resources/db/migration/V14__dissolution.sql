-- The dissolution report (解散报备): the day the group ended, why, who reported it and when, and
-- its due day. It is decided on the filing through the configured dissolution chain; its
-- decisions are recorded under dissolution_round (a refused report may be made again).
alter table filing add column dissolved_on date;
alter table filing add column dissolution_reason varchar(500);
alter table filing add column dissolution_reported_by varchar(50);
alter table filing add column dissolution_reported_at ${timestamp_type};
alter table filing add column dissolution_due_by date;
alter table filing add column dissolution_round integer default 0 not null;
alter table filing add column dissolved_at ${timestamp_type};
