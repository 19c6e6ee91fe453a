-- In-app notices, which are also the outbox of e-mails: written with the change that caused
-- them, sent afterwards and retried until the mail server takes them.
create table notice (
  id ${id_column},
  version bigint not null,
  recipient varchar(50) not null,
  email varchar(200),
  filing_id bigint,
  title varchar(200) not null,
  body varchar(2000) not null,
  created_at ${timestamp_type} not null,
  read_at ${timestamp_type},
  mail_status varchar(10) not null,
  mail_attempts integer not null,
  next_attempt_at ${timestamp_type},
  last_error varchar(500)
)${table_options};

create index ix_notice_recipient on notice (recipient, read_at);
create index ix_notice_mail on notice (mail_status, next_attempt_at);
