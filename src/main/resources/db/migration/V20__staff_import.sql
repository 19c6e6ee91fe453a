-- The staff import from HR: a person the school's staff file no longer lists is departed (and
-- signed out for good); a staff number names one person only; an uploaded file waits here, with a
-- digest of what its preview showed, until the system administrator accepts that preview.
alter table app_user add column departed boolean default false not null;
alter table app_user add column departed_on date;
create unique index ux_app_user_staff_number on app_user (staff_number);

create table staff_import (
  id ${id_column},
  file_name varchar(255),
  content ${blob_type} not null,
  plan_digest varchar(64) not null,
  created_by varchar(50) not null,
  created_at ${timestamp_type} not null,
  applied_by varchar(50),
  applied_at ${timestamp_type}
)${table_options};
