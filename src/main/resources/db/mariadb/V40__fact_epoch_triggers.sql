-- The facts' epoch moves with every row changed in a table a node keeps facts of (V39).
-- MariaDB's triggers are per row and per kind of change, hence three a table. An account's update
-- moves it only when it changes what the kept answers hold (not a sign-in's second-factor step,
-- not a new password).
create trigger app_user_fact_epoch_i after insert on app_user for each row
  update fact_epoch set n = conv(substr(md5(uuid()), 1, 15), 16, 10) where id = 1;
create trigger app_user_fact_epoch_u after update on app_user for each row
  update fact_epoch set n = conv(substr(md5(uuid()), 1, 15), 16, 10) where id = 1
    and not (old.username <=> new.username and old.display_name <=> new.display_name
             and old.department_code <=> new.department_code and old.email <=> new.email
             and old.enabled <=> new.enabled);
create trigger app_user_fact_epoch_d after delete on app_user for each row
  update fact_epoch set n = conv(substr(md5(uuid()), 1, 15), 16, 10) where id = 1;
create trigger user_role_fact_epoch_i after insert on user_role for each row
  update fact_epoch set n = conv(substr(md5(uuid()), 1, 15), 16, 10) where id = 1;
create trigger user_role_fact_epoch_u after update on user_role for each row
  update fact_epoch set n = conv(substr(md5(uuid()), 1, 15), 16, 10) where id = 1;
create trigger user_role_fact_epoch_d after delete on user_role for each row
  update fact_epoch set n = conv(substr(md5(uuid()), 1, 15), 16, 10) where id = 1;
create trigger department_fact_epoch_i after insert on department for each row
  update fact_epoch set n = conv(substr(md5(uuid()), 1, 15), 16, 10) where id = 1;
create trigger department_fact_epoch_u after update on department for each row
  update fact_epoch set n = conv(substr(md5(uuid()), 1, 15), 16, 10) where id = 1;
create trigger department_fact_epoch_d after delete on department for each row
  update fact_epoch set n = conv(substr(md5(uuid()), 1, 15), 16, 10) where id = 1;
create trigger robot_fact_epoch_i after insert on robot for each row
  update fact_epoch set n = conv(substr(md5(uuid()), 1, 15), 16, 10) where id = 1;
create trigger robot_fact_epoch_u after update on robot for each row
  update fact_epoch set n = conv(substr(md5(uuid()), 1, 15), 16, 10) where id = 1;
create trigger robot_fact_epoch_d after delete on robot for each row
  update fact_epoch set n = conv(substr(md5(uuid()), 1, 15), 16, 10) where id = 1;
create trigger delegation_fact_epoch_i after insert on delegation for each row
  update fact_epoch set n = conv(substr(md5(uuid()), 1, 15), 16, 10) where id = 1;
create trigger delegation_fact_epoch_u after update on delegation for each row
  update fact_epoch set n = conv(substr(md5(uuid()), 1, 15), 16, 10) where id = 1;
create trigger delegation_fact_epoch_d after delete on delegation for each row
  update fact_epoch set n = conv(substr(md5(uuid()), 1, 15), 16, 10) where id = 1;
-- Every database starts from its own epoch: a node never matches answers from another database.
update fact_epoch set n = conv(substr(md5(uuid()), 1, 15), 16, 10) where id = 1;
