-- The statistics page at a province's scale, PostgreSQL only (docs/adr/0025): instead of grouping a
-- million filings on every call, a trigger keeps a tally of the submitted filings by what the page
-- groups or filters on, and the page sums the tally (some tens of thousands of rows). H2 and
-- MariaDB group the filings live, which a school's registry of a few thousand allows.
--
-- The trigger never updates a shared row: it appends -1 rows for the filing's old keys and +1 rows
-- for its new ones to filing_tally_delta, so concurrent decisions never wait for each other on a
-- counter. The application folds the delta into filing_tally and filing_tally_total now and then
-- (StatisticsTally.fold); a reader sums one of them and the delta in one statement, so the figures
-- are exact at every moment.
--
-- Every row is keyed by department, creator and month filled in: what a reader's scope and period
-- select. Three facets, so that no dimension multiplies another it is never read with: every
-- submitted filing has an 'M' row (platform, status, outsiders); a FILED
-- short-term group also a 'D' row (its month to dissolve by); a change filing also a 'C' row (its
-- timeliness under commitment 4). Columns a facet does not use hold 0, '' or false.

create table filing_tally (
  facet char(1) not null,
  department_code varchar(50) not null,
  -- who created it: a reader sees their own filings beside their departments' (FilingAccess)
  created_by varchar(50) not null,
  -- yyyymm of filled_on, 0 when the form has no date
  filled_month integer not null,
  -- 'M': the platform, '' when unset
  group_type varchar(20) not null,
  -- 'M': the status
  status varchar(20) not null,
  -- 'M': the composition names an outsider (Composition.isExternal)
  external boolean not null,
  -- 'D': yyyymm of dissolve_by
  dissolve_month integer not null,
  -- 'C': 1 filed in time or with no due date, 2 filed late, 3 not filed yet (late once the
  -- school's today passes change_due)
  change_state smallint not null,
  -- 'C': yyyymmdd of due_by while change_state is 3
  change_due integer not null,
  n integer not null,
  constraint pk_filing_tally primary key
    (facet, department_code, created_by, filled_month, group_type, status, external, dissolve_month,
     change_state, change_due)
);

create table filing_tally_delta (like filing_tally);

-- The same without the month filled in, for the figures of all time (the page's default): a few
-- thousand rows instead of tens of thousands. Folded from the same delta.
create table filing_tally_total (
  facet char(1) not null,
  department_code varchar(50) not null,
  created_by varchar(50) not null,
  group_type varchar(20) not null,
  status varchar(20) not null,
  external boolean not null,
  dissolve_month integer not null,
  change_state smallint not null,
  change_due integer not null,
  n integer not null,
  constraint pk_filing_tally_total primary key
    (facet, department_code, created_by, group_type, status, external, dissolve_month,
     change_state, change_due)
);

-- One filing's rows in the tally, each with n = 1 (none for a draft). The rules mirror
-- RegistryStatistics' live query and Lineage.late; StatisticsTallyIT compares the two on the same
-- filings. The school's time zone is SystemConfig's clock's. PL/pgSQL rather than SQL: its simple
-- expressions are evaluated without planning a query per call, which a trigger per row needs.
create function filing_tally_rows(f filing) returns setof filing_tally_delta
language plpgsql stable as $$
declare
  filled integer := coalesce(date_part('year', f.filled_on)::integer * 100
                             + date_part('month', f.filled_on)::integer, 0);
  state smallint;
begin
  if f.status = 'DRAFT' then
    return;
  end if;
  return next row('M', f.department_code, f.created_by, filled, coalesce(f.group_type, ''), f.status,
    coalesce(f.composition like '%EXTERNAL_PARTNERS%'
             or f.composition like '%SERVICE_RECIPIENTS%', false),
    0, 0::smallint, 0, 1)::filing_tally_delta;
  if f.status = 'FILED' and f.lifetime = 'SHORT_TERM' and f.dissolve_by is not null then
    return next row('D', f.department_code, f.created_by, filled, '', '', false,
      date_part('year', f.dissolve_by)::integer * 100 + date_part('month', f.dissolve_by)::integer,
      0::smallint, 0, 1)::filing_tally_delta;
  end if;
  if f.kind = 'CHANGE' and f.status <> 'REJECTED' then
    state := case
      when f.due_by is null then 1
      when f.filed_at is null then 3
      when (f.filed_at at time zone 'Asia/Shanghai')::date > f.due_by then 2
      else 1 end;
    return next row('C', f.department_code, f.created_by, filled, '', '', false, 0, state,
      case when state = 3
        then date_part('year', f.due_by)::integer * 10000
             + date_part('month', f.due_by)::integer * 100 + date_part('day', f.due_by)::integer
        else 0 end,
      1)::filing_tally_delta;
  end if;
end
$$;

-- A changed or deleted filing: -1 for its old rows, +1 for its new ones (a row that stays the
-- same cancels out when folded). The update trigger's WHEN clause keeps this from being called
-- for the changes that cannot move a row: three decisions of a filing's four.
create function filing_tally_track() returns trigger language plpgsql as $$
begin
  insert into filing_tally_delta
  select r.facet, r.department_code, r.created_by, r.filled_month, r.group_type, r.status,
         r.external, r.dissolve_month, r.change_state, r.change_due, -1
  from filing_tally_rows(old) r;
  if tg_op = 'UPDATE' then
    insert into filing_tally_delta select * from filing_tally_rows(new);
  end if;
  return null;
end
$$;

-- New filings, once per statement: a bulk load (a restore, the paper import) counts set-based.
create function filing_tally_inserted() returns trigger language plpgsql as $$
begin
  insert into filing_tally_delta
  select r.* from inserted i, lateral filing_tally_rows(i) r where i.status <> 'DRAFT';
  return null;
end
$$;

create trigger filing_tally_insert after insert on filing
  referencing new table as inserted
  for each statement execute function filing_tally_inserted();

create trigger filing_tally_delete after delete on filing
  for each row when (old.status <> 'DRAFT') execute function filing_tally_track();

create trigger filing_tally_update after update on filing
  for each row
  when (old.status is distinct from new.status
        or old.department_code is distinct from new.department_code
        or old.group_type is distinct from new.group_type
        or old.composition is distinct from new.composition
        or old.lifetime is distinct from new.lifetime
        or old.dissolve_by is distinct from new.dissolve_by
        or old.filled_on is distinct from new.filled_on
        or old.kind is distinct from new.kind
        or old.due_by is distinct from new.due_by
        or old.filed_at is distinct from new.filed_at)
  execute function filing_tally_track();

insert into filing_tally
select r.facet, r.department_code, r.created_by, r.filled_month, r.group_type, r.status,
       r.external, r.dissolve_month, r.change_state, r.change_due, count(*)
from filing f, lateral filing_tally_rows(f) r
where f.status <> 'DRAFT'
group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;

insert into filing_tally_total
select facet, department_code, created_by, group_type, status, external, dissolve_month,
       change_state, change_due, sum(n)
from filing_tally
group by 1, 2, 3, 4, 5, 6, 7, 8, 9;

-- A period's first and last months, when not whole, are counted from the filings themselves.
create index ix_filing_filled_on on filing (filled_on);

-- Planned from the first call, not after autovacuum's first look.
analyze filing_tally;
analyze filing_tally_total;
