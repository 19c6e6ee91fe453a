-- The audit trail becomes one chain: each event carries its place (seq) and the hash of the event
-- before it, and its seal covers both, so an event edited, deleted, inserted or moved breaks the
-- chain. The head (the last seq and hash) is one row, sealed too, so cutting events off the end
-- is caught as well; appending takes its row lock, which puts the events in one order. Events
-- written before this migration keep their own seals and no place in the chain.
alter table audit_event add column seq bigint;
alter table audit_event add column prev_hash varchar(64);
create unique index ux_audit_event_seq on audit_event (seq);

create table audit_head (
  id integer not null,
  seq bigint not null,
  hash varchar(64) not null,
  seal varchar(64),
  constraint pk_audit_head primary key (id)
)${table_options};

insert into audit_head (id, seq, hash, seal) values (1, 0, 'genesis', null);
