-- The approval chain's decisions and the audit trail.

alter table filing add column review_round integer default 0 not null;

-- One decision per step per round: the unique key is what makes two approvers acting at once
-- end with exactly one decision.
create table review_decision (
  id ${id_column},
  filing_id bigint not null,
  review_round integer not null,
  step varchar(30) not null,
  decision varchar(10) not null,
  opinion varchar(500),
  decided_by varchar(50) not null,
  decided_by_name varchar(100) not null,
  decided_at ${timestamp_type} not null,
  constraint uk_review_decision_step unique (filing_id, review_round, step),
  constraint fk_review_decision_filing foreign key (filing_id) references filing (id)
)${table_options};

create index ix_review_decision_decider on review_decision (decided_by, decided_at);

-- Append-only: no page or API updates or deletes a row, and each row's hash covers the previous
-- row of the same filing, so an edit made behind the application's back shows.
create table audit_event (
  id ${id_column},
  at ${timestamp_type} not null,
  actor varchar(50) not null,
  actor_roles varchar(200),
  action varchar(30) not null,
  filing_id bigint,
  filing_version bigint,
  address varchar(64),
  detail varchar(1000),
  prev_hash varchar(64),
  hash varchar(64) not null
)${table_options};

create index ix_audit_event_filing on audit_event (filing_id, id);
create index ix_audit_event_at on audit_event (at);
