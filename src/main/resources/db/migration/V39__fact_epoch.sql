-- The facts' epoch (ADR 27): set to a fresh random value by every statement that changes the
-- directory (app_user, user_role, department), the robots or the delegations — the triggers are
-- each database's own (db/{vendor}/V40). A node keeps what it read of those tables for as long as
-- the epoch it read them under is the current one. Random, not counted: an epoch a rolled-back
-- transaction saw never comes back, nor does one from before a restore.
create table fact_epoch (
  id int primary key,
  n bigint not null
)${table_options};

insert into fact_epoch (id, n) values (1, 0);
