-- Signed checkpoints of the audit chain's head: at intervals the application signs "the chain
-- reached event seq with this hash" with an asymmetric key kept outside the database (Ed25519, or
-- SM2 under 密评). The auditor exports them with the chain's links and checks them offline with
-- only the public key; a later rewrite of the trail cannot match a checkpoint already exported.
create table audit_checkpoint (
  seq bigint not null,
  head_hash varchar(64) not null,
  made_at ${timestamp_type} not null,
  algorithm varchar(16) not null,
  key_id varchar(16) not null,
  signature varchar(200) not null,
  constraint pk_audit_checkpoint primary key (seq)
)${table_options};

-- Retention: events older than the configured period (never less than six months) may be removed
-- from the start of the chain; the sealed head then names where the kept chain begins and the hash
-- its first event names as its predecessor.
alter table audit_head add column first_seq bigint default 1 not null;
alter table audit_head add column first_prev varchar(64) default 'genesis' not null;
