-- Lockout after repeated failed sign-ins (the level-3 assessment's "登录失败处理"): one row per
-- account ("u:<username>") and per address ("a:<ip>") with failures counted in a window and the
-- time a lock ends. In the database, so that every node refuses the same locked account.
create table sign_in_lock (
  subject varchar(200) not null,
  failures integer not null,
  window_start ${timestamp_type} not null,
  locked_until ${timestamp_type},
  constraint pk_sign_in_lock primary key (subject)
)${table_options};
