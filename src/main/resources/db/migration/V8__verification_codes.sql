-- The verification mark on every printout: a random code (not derivable from the filing
-- number) that a public page resolves to the filing's number, group, department and status.
create table verification_code (
  filing_id bigint not null,
  code varchar(20) not null,
  created_at ${timestamp_type} not null,
  constraint pk_verification_code primary key (filing_id),
  constraint uk_verification_code unique (code),
  constraint fk_verification_code_filing foreign key (filing_id) references filing (id)
)${table_options};
