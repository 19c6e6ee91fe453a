-- A second factor (TOTP, RFC 6238) per account, and the roles the security administrator says
-- must use one. The last step used is kept so that a code is good once.
alter table app_user add column totp_secret varchar(64);
alter table app_user add column totp_last_step bigint default 0 not null;

create table second_factor_role (
  role varchar(30) not null,
  constraint pk_second_factor_role primary key (role)
)${table_options};
