-- The registry at a province's scale (10^6 filings): an index for each sort the list offers, each
-- ending in id as the list's tie-break does (so the first page of any sort, either way, reads 20
-- index entries instead of sorting the table), and one for the scope's "filed by me". A decision
-- changes status, step and updated_at, which are indexed already, so it could not be a heap-only
-- update before: these add index writes to a decision, not a new kind of cost.
create index ix_filing_updated on filing (updated_at, id);
create index ix_filing_created on filing (created_at, id);
create index ix_filing_submitted on filing (submitted_at, id);
create index ix_filing_name_sort on filing (group_name, id);
create index ix_filing_department_sort on filing (department_code, id);
create index ix_filing_type_sort on filing (group_type, id);
create index ix_filing_status_sort on filing (status, id);
create index ix_filing_members on filing (member_count, id);
create index ix_filing_created_by on filing (created_by);
