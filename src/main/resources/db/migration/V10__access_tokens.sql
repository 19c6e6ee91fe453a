-- Personal access tokens for scripts (API.md): only a SHA-256 of the token is kept. The token is
-- long and random, so a fast hash suffices and a request pays no password-hashing cost.
create table access_token (
  id ${id_column},
  username varchar(50) not null,
  name varchar(50) not null,
  token_hash varchar(64) not null,
  prefix varchar(12) not null,
  created_at ${timestamp_type} not null,
  expires_at ${timestamp_type} not null,
  last_used_at ${timestamp_type},
  revoked_at ${timestamp_type},
  constraint uk_access_token_hash unique (token_hash)
)${table_options};

create index ix_access_token_user on access_token (username, created_at);
