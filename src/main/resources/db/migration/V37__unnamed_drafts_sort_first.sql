-- An unnamed draft's group name is stored as the empty string, not NULL (filing.NamedOrEmpty): the
-- databases order NULLs differently, and a list sorted by name now resumes after a line by its
-- name (keyset paging, ADR 24) — the empty name sorts first on each of them.
update filing set group_name = '' where group_name is null;
alter table filing alter column group_name set default '';
