-- The directory and accounts console: a staff number from HR, the initial or reset password that
-- must be changed at the next sign-in, and when the password was last changed.
alter table app_user add column staff_number varchar(30);
alter table app_user add column must_change_password boolean default false not null;
alter table app_user add column password_changed_at ${timestamp_type};
