-- Deadlines and sweeps (lifecycle module).

-- Since when the current step waits (set whenever the step moves).
alter table filing add column step_since ${timestamp_type};
update filing set step_since = coalesce(submitted_at, updated_at) where current_step is not null;

-- One alert per missed deadline: the sweep that finds it inserts it once (the key makes a second
-- node's attempt fail), notifies whoever must act, and resolves it when the condition ends.
create table lifecycle_alert (
  id ${id_column},
  kind varchar(30) not null,
  filing_id bigint not null,
  alert_key varchar(100) not null,
  department_code varchar(50),
  detail varchar(500),
  raised_at ${timestamp_type} not null,
  resolved_at ${timestamp_type},
  constraint uk_lifecycle_alert unique (kind, filing_id, alert_key),
  constraint fk_lifecycle_alert_filing foreign key (filing_id) references filing (id)
)${table_options};

create index ix_lifecycle_alert_open on lifecycle_alert (resolved_at, kind);

-- The applicant's urging (催办) of a step: at most once in 24 hours per filing.
create table step_urge (
  id ${id_column},
  filing_id bigint not null,
  step varchar(30) not null,
  urged_by varchar(50) not null,
  urged_at ${timestamp_type} not null,
  constraint fk_step_urge_filing foreign key (filing_id) references filing (id)
)${table_options};

create index ix_step_urge_filing on step_urge (filing_id, urged_at);

-- ShedLock: a scheduled job runs on one node at a time.
create table shedlock (
  name varchar(64) not null primary key,
  lock_until ${timestamp_type} not null,
  locked_at ${timestamp_type} not null,
  locked_by varchar(255) not null
)${table_options};
