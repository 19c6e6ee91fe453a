-- 委托: a decider away for some days names a colleague of the same office; tasks arriving in that
-- period go to the colleague, whose decisions read "X 代 Y". Dates are the school's (Asia/Shanghai),
-- both inclusive; a cancelled or ended delegation is kept, with when it ended.
create table delegation (
  id ${id_column},
  delegator varchar(50) not null,
  delegator_name varchar(100) not null,
  delegate_user varchar(50) not null,
  delegate_name varchar(100) not null,
  starts_on date not null,
  ends_on date not null,
  created_at ${timestamp_type} not null,
  ended_at ${timestamp_type},
  cancelled boolean default false not null
)${table_options};

create index ix_delegation_delegator on delegation (delegator);
create index ix_delegation_delegate on delegation (delegate_user);

-- Each task handed to a delegate: which delegation, which step of which round, and when it went
-- back (the delegation ended while the delegate still held it).
create table delegated_task (
  id ${id_column},
  delegation_id bigint not null,
  filing_id bigint not null,
  review_round integer not null,
  step varchar(30) not null,
  delegate_user varchar(50) not null,
  delegator varchar(50) not null,
  delegator_name varchar(100) not null,
  assigned_at ${timestamp_type} not null,
  returned_at ${timestamp_type},
  constraint fk_delegated_task_delegation foreign key (delegation_id) references delegation (id),
  constraint fk_delegated_task_filing foreign key (filing_id) references filing (id)
)${table_options};

create index ix_delegated_task_filing on delegated_task (filing_id);
create index ix_delegated_task_delegation on delegated_task (delegation_id);

-- A decision taken for someone away: whom it was on behalf of, as that person was named then.
alter table review_decision add column on_behalf_of varchar(50);
alter table review_decision add column on_behalf_of_name varchar(100);
