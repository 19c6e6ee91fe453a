-- The annual review (年度复核) as a cleanup campaign: a round opened by the cyberspace office with
-- a deadline, holding every group on the register at its opening (review_item). A department
-- confirms a group (with its member count now) here; a change filing or a dissolution report
-- started after the opening counts as that group's answer, read from the filings themselves.
create table review_round (
  id ${id_column},
  title varchar(100) not null,
  deadline date not null,
  opened_by varchar(50) not null,
  opened_at ${timestamp_type} not null,
  closed_at ${timestamp_type}
)${table_options};

create table review_item (
  id ${id_column},
  round_id bigint not null,
  group_id bigint not null,
  filing_id bigint not null,
  department_code varchar(50) not null,
  confirmed_member_count integer,
  confirmed_by varchar(50),
  confirmed_at ${timestamp_type},
  constraint uk_review_item unique (round_id, group_id),
  constraint fk_review_item_round foreign key (round_id) references review_round (id),
  constraint fk_review_item_filing foreign key (filing_id) references filing (id)
)${table_options};

create index ix_review_item_department on review_item (round_id, department_code);
