-- The facts' epoch moves with every statement that changes a table a node keeps facts of (V39).
create function fact_epoch_bump() returns trigger language plpgsql as $$
begin
  -- 60 random bits.
  update fact_epoch set n = ('x' || substr(md5(gen_random_uuid()::text), 1, 15))::bit(60)::bigint
    where id = 1;
  return null;
end
$$;

create trigger app_user_fact_epoch after insert or update or delete or truncate on app_user
  for each statement execute function fact_epoch_bump();
create trigger user_role_fact_epoch after insert or update or delete or truncate on user_role
  for each statement execute function fact_epoch_bump();
create trigger department_fact_epoch after insert or update or delete or truncate on department
  for each statement execute function fact_epoch_bump();
create trigger robot_fact_epoch after insert or update or delete or truncate on robot
  for each statement execute function fact_epoch_bump();
create trigger delegation_fact_epoch after insert or update or delete or truncate on delegation
  for each statement execute function fact_epoch_bump();
