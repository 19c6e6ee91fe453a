-- One active filing per platform and group number, guarded by the database: a submission claims
-- its group number; rejection or withdrawal gives the claim back.
create table group_claim (
  group_type varchar(20) not null,
  group_number varchar(30) not null,
  filing_id bigint not null,
  constraint pk_group_claim primary key (group_type, group_number),
  constraint fk_group_claim_filing foreign key (filing_id) references filing (id)
)${table_options};
