-- Signatures and stamps. A row is never changed: a new upload is a new row, and a decision
-- points at the ones that were current when it was made.
create table seal_image (
  id ${id_column},
  kind varchar(10) not null,
  owner varchar(50) not null,
  content_type varchar(20) not null,
  image ${blob_type} not null,
  uploaded_by varchar(50) not null,
  uploaded_at ${timestamp_type} not null
)${table_options};

create index ix_seal_image_owner on seal_image (kind, owner, id);

alter table review_decision add column signature_image_id bigint;
alter table review_decision add column stamp_image_id bigint;
