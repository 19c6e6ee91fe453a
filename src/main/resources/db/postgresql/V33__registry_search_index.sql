-- Registry search at a province's scale, PostgreSQL only (H2 and MariaDB scan, which is quick at a
-- school's size; docs/adr/0024). A search matches a fragment of the group's name, the filing
-- number or the group number; every fragment of two characters or more has all its bigrams among
-- the field's bigrams, and one of a character its unigram. So a GIN index over the unigrams and
-- bigrams of the three (lower-cased) finds the few candidates — a two-character Chinese term too,
-- which pg_trgm cannot index — and the exact LIKE of the query then keeps the true matches. No
-- extension, no trigger, no table to keep in step: PostgreSQL maintains the index.
create function filing_search_terms(group_name text, number text, group_number text)
returns text[] language sql immutable parallel safe as $$
  select coalesce(array_agg(distinct t), '{}')
  from (
    select substr(v, i, n) as t
    from unnest(array[lower(group_name), lower(number), lower(group_number)]) as v
    cross join generate_series(1, 2) as n
    cross join generate_series(1, greatest(char_length(v) - n + 1, 0)) as i
    where v is not null
  ) as terms
$$;

create index ix_filing_search on filing
  using gin (filing_search_terms(group_name, number, group_number));
