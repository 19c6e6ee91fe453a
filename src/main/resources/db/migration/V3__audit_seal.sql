-- Audit events are sealed with a keyed hash of their own content; the chain to the previous
-- event (and the query it cost on every write) is gone.
alter table audit_event drop column prev_hash;
