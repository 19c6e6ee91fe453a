-- The mlps preset refuses the last five passwords and rotates them every 90 days: the earlier
-- hashes of each person's own passwords, newest first; the clock of a password set before this
-- migration starts now, so that nobody is told on the day of an upgrade that theirs has expired.
create table password_history (
  user_id bigint not null,
  seq integer not null,
  password_hash varchar(255) not null,
  constraint pk_password_history primary key (user_id, seq),
  constraint fk_password_history_user foreign key (user_id) references app_user (id)
)${table_options};

update app_user set password_changed_at = current_timestamp where password_changed_at is null;
