-- 抄送: a filing copied to people who must know of it but not decide it. Each may read the filing
-- from then on; read_at is set when they first open its page. Names are kept as they were then.
create table filing_copy (
  id ${id_column},
  filing_id bigint not null,
  recipient varchar(50) not null,
  recipient_name varchar(100) not null,
  copied_by varchar(50) not null,
  copied_by_name varchar(100) not null,
  note varchar(200),
  copied_at ${timestamp_type} not null,
  read_at ${timestamp_type},
  constraint fk_filing_copy_filing foreign key (filing_id) references filing (id),
  -- One copy per person and filing: copying twice says so, two at once let one through.
  constraint uq_filing_copy unique (filing_id, recipient)
)${table_options};

create index ix_filing_copy_recipient on filing_copy (recipient, read_at);

-- 常用意见: an approver's own stock opinions (the school's per step are configuration, ADR 0019).
create table stock_opinion (
  id ${id_column},
  owner varchar(50) not null,
  opinion varchar(500) not null,
  created_at ${timestamp_type} not null,
  constraint uq_stock_opinion unique (owner, opinion)
)${table_options};
