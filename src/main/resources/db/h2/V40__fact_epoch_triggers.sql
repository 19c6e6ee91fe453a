-- The facts' epoch moves with every statement that changes a table a node keeps facts of (V39).
-- H2 runs a trigger as a class; its name is stored here, so it must not move. An account's update
-- is looked at row by row: it moves the epoch only when it changes what the kept answers hold.
create trigger app_user_fact_epoch after insert, delete on app_user
  call 'org.qunbei.system.H2FactEpochTrigger';
create trigger app_user_fact_epoch_update after update on app_user for each row
  call 'org.qunbei.system.H2FactEpochTrigger';
create trigger user_role_fact_epoch after insert, update, delete on user_role
  call 'org.qunbei.system.H2FactEpochTrigger';
create trigger department_fact_epoch after insert, update, delete on department
  call 'org.qunbei.system.H2FactEpochTrigger';
create trigger robot_fact_epoch after insert, update, delete on robot
  call 'org.qunbei.system.H2FactEpochTrigger';
create trigger delegation_fact_epoch after insert, update, delete on delegation
  call 'org.qunbei.system.H2FactEpochTrigger';
-- Every database starts from its own epoch: a node never matches answers from another database.
update fact_epoch set n = cast(rand() * 9.2e18 as bigint) where id = 1;
