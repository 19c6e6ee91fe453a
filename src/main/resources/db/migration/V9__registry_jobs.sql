-- Long exports and imports run as background jobs. Their state lives here, not in a JVM, so that
-- any app node can show a job's progress and hand out its file.
create table registry_job (
  id ${id_column},
  kind varchar(10) not null,
  status varchar(10) not null,
  owner varchar(50) not null,
  parameters varchar(1000),
  file_name varchar(200),
  total_rows integer not null,
  done_rows integer not null,
  imported_rows integer not null,
  skipped_rows integer not null,
  bad_rows integer not null,
  message varchar(500),
  created_at ${timestamp_type} not null,
  updated_at ${timestamp_type} not null,
  finished_at ${timestamp_type}
)${table_options};

create index ix_registry_job_owner on registry_job (owner, created_at);

-- A job's files (the uploaded workbook, the exported one) in pieces of at most 1 MiB, so that no
-- database needs a large packet or a large binary type and no file is ever held whole in memory.
create table registry_job_chunk (
  job_id bigint not null,
  purpose varchar(10) not null,
  seq integer not null,
  bytes ${blob_type} not null,
  constraint pk_registry_job_chunk primary key (job_id, purpose, seq),
  constraint fk_registry_job_chunk_job foreign key (job_id) references registry_job (id)
)${table_options};

-- An import's report: each bad row, the column and the reason, in Chinese.
create table registry_job_issue (
  job_id bigint not null,
  seq integer not null,
  line_no integer not null,
  column_name varchar(50),
  message varchar(500) not null,
  constraint pk_registry_job_issue primary key (job_id, seq),
  constraint fk_registry_job_issue_job foreign key (job_id) references registry_job (id)
)${table_options};

-- Filings filed on paper before Qunbei and imported keep their paper number; where a filing came
-- from is recorded so that the registry can tell them apart.
alter table filing add column origin varchar(10) default 'ONLINE' not null;
