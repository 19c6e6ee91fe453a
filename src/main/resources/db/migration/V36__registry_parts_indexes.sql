-- A department's reader's list sorted by department or by group name is found part by part (ADR
-- 24): their departments' lines from (department_code, ...) indexes that exist, and what they filed
-- themselves — in a working group's department too — from these, in either order.
create index ix_filing_created_by_name on filing (created_by, group_name, id);
create index ix_filing_created_by_department on filing (created_by, department_code, id);
