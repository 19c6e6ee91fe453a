-- The facts' epoch moves with every statement that changes a table a node keeps facts of (V39).
create function fact_epoch_bump() returns trigger language plpgsql as $$
begin
  -- 60 random bits.
  update fact_epoch set n = ('x' || substr(md5(gen_random_uuid()::text), 1, 15))::bit(60)::bigint
    where id = 1;
  return null;
end
$$;

-- An account's update moves it only when it changes what the kept answers hold: a sign-in that
-- records its second factor's last step, or a new password, does not (Hibernate writes every
-- column, so UPDATE OF would not tell).
create trigger app_user_fact_epoch after insert or delete or truncate on app_user
  for each statement execute function fact_epoch_bump();
create trigger app_user_fact_epoch_update after update on app_user for each row
  when (old.username is distinct from new.username
        or old.display_name is distinct from new.display_name
        or old.department_code is distinct from new.department_code
        or old.email is distinct from new.email
        or old.enabled is distinct from new.enabled)
  execute function fact_epoch_bump();
create trigger user_role_fact_epoch after insert or update or delete or truncate on user_role
  for each statement execute function fact_epoch_bump();
create trigger department_fact_epoch after insert or update or delete or truncate on department
  for each statement execute function fact_epoch_bump();
create trigger robot_fact_epoch after insert or update or delete or truncate on robot
  for each statement execute function fact_epoch_bump();
create trigger delegation_fact_epoch after insert or update or delete or truncate on delegation
  for each statement execute function fact_epoch_bump();

-- Every database starts from its own epoch: a node never matches answers from another database.
update fact_epoch set n = ('x' || substr(md5(gen_random_uuid()::text), 1, 15))::bit(60)::bigint
  where id = 1;
