-- A queued or running job is leased by the node holding it: that node renews updated_at while it
-- holds the job; a job whose lease ran out (its node died) is taken over by another node, which
-- runs it again from what is stored here (the export's filters, the language of whoever started
-- it) — once: a job whose second node died too is marked failed. attempts fences the runs: a run
-- that was taken over writes nothing more.
alter table registry_job add column request varchar(2000);
alter table registry_job add column locale varchar(35);
alter table registry_job add column attempts integer default 1 not null;
