-- The facts' epoch moves with every statement that changes a table a node keeps facts of (V39).
-- H2 runs a trigger as a class; its name is stored here, so it must not move.
create trigger app_user_fact_epoch after insert, update, delete on app_user
  call 'org.qunbei.system.H2FactEpochTrigger';
create trigger user_role_fact_epoch after insert, update, delete on user_role
  call 'org.qunbei.system.H2FactEpochTrigger';
create trigger department_fact_epoch after insert, update, delete on department
  call 'org.qunbei.system.H2FactEpochTrigger';
create trigger robot_fact_epoch after insert, update, delete on robot
  call 'org.qunbei.system.H2FactEpochTrigger';
create trigger delegation_fact_epoch after insert, update, delete on delegation
  call 'org.qunbei.system.H2FactEpochTrigger';
