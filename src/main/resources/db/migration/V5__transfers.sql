-- 转办: a decider hands the current step to a colleague of the same office.
alter table filing add column assignee varchar(50);

create table task_transfer (
  id ${id_column},
  filing_id bigint not null,
  review_round integer not null,
  step varchar(30) not null,
  from_user varchar(50) not null,
  to_user varchar(50) not null,
  reason varchar(200) not null,
  transferred_at ${timestamp_type} not null,
  constraint fk_task_transfer_filing foreign key (filing_id) references filing (id)
)${table_options};

create index ix_task_transfer_filing on task_transfer (filing_id);
