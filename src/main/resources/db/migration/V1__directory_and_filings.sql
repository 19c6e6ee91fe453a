-- Qunbei schema, written once for H2, PostgreSQL and MariaDB. The few types that differ between
-- them are Flyway placeholders filled per database by system.FlywayDialect.

create table department (
  id ${id_column},
  code varchar(50) not null,
  name varchar(100) not null,
  kind varchar(20) not null,
  head_username varchar(50),
  leader_username varchar(50),
  constraint uk_department_code unique (code)
)${table_options};

create table app_user (
  id ${id_column},
  username varchar(50) not null,
  display_name varchar(100) not null,
  password_hash varchar(200) not null,
  department_code varchar(50),
  email varchar(200),
  enabled boolean not null,
  constraint uk_app_user_username unique (username)
)${table_options};

create table user_role (
  user_id bigint not null,
  role varchar(30) not null,
  constraint pk_user_role primary key (user_id, role),
  constraint fk_user_role_user foreign key (user_id) references app_user (id)
)${table_options};

create table filing (
  id ${id_column},
  version bigint not null,
  number varchar(30),
  status varchar(20) not null,
  current_step varchar(30),
  department_code varchar(50) not null,
  created_by varchar(50) not null,
  created_at ${timestamp_type} not null,
  updated_at ${timestamp_type} not null,
  submitted_at ${timestamp_type},
  filled_on date,
  group_type varchar(20),
  group_type_other varchar(30),
  group_name varchar(100),
  group_number varchar(30),
  group_created_on date,
  member_count integer,
  composition varchar(200),
  composition_other varchar(50),
  composition_details varchar(500),
  purposes varchar(200),
  purpose_other varchar(50),
  lifetime varchar(30),
  dissolve_by date,
  lifetime_other varchar(200),
  classified boolean not null,
  steward_name varchar(30),
  steward_title varchar(50),
  steward_office_phone varchar(30),
  steward_mobile varchar(20),
  publishing_scope varchar(2000),
  admission varchar(2000),
  exit_rules varchar(2000),
  incident_response varchar(2000),
  retention_retain boolean,
  retention_period varchar(50),
  archivist varchar(30),
  archive_method varchar(200),
  no_retention_reason varchar(500),
  commitment_accepted boolean not null,
  constraint uk_filing_number unique (number)
)${table_options};

create index ix_filing_department on filing (department_code, status);
create index ix_filing_status on filing (status, updated_at);
create index ix_filing_group_number on filing (group_type, group_number);
create index ix_filing_group_name on filing (department_code, group_name);

create table filing_team_member (
  filing_id bigint not null,
  position integer not null,
  role varchar(10),
  name varchar(30),
  title varchar(50),
  office_phone varchar(30),
  mobile varchar(20),
  duties varchar(200),
  constraint pk_filing_team_member primary key (filing_id, position),
  constraint fk_team_member_filing foreign key (filing_id) references filing (id)
)${table_options};

create table filing_qr_code (
  filing_id bigint not null,
  content_type varchar(20) not null,
  image ${blob_type} not null,
  content varchar(2000) not null,
  uploaded_at ${timestamp_type} not null,
  constraint pk_filing_qr_code primary key (filing_id),
  constraint fk_qr_code_filing foreign key (filing_id) references filing (id)
)${table_options};

-- One row a year; the row lock serialises number assignment across app nodes.
create table filing_number_counter (
  counter_year integer not null,
  last_value bigint not null,
  constraint pk_filing_number_counter primary key (counter_year)
)${table_options};
