-- Every notice leads to where its reader acts (the decision form, the filing, its edit page): the
-- path is kept with the notice, so the list, the mail and the robot print the same place.
alter table notice add column link varchar(300);

-- Group robots (企业微信 / 钉钉 / 飞书 custom robots) that the system administrator configures: a
-- filing waiting at a step the robot's scope matches is posted to its group. The DingTalk and
-- Feishu signing secret is encrypted at rest like the mobiles (shared.crypto).
create table robot (
  id ${id_column},
  version bigint not null,
  name varchar(100) not null,
  kind varchar(10) not null,
  webhook_url varchar(1000) not null,
  secret varchar(1000),
  department_code varchar(30),
  step_code varchar(40),
  enabled boolean not null,
  created_by varchar(50) not null,
  created_at ${timestamp_type} not null,
  updated_at ${timestamp_type} not null
)${table_options};

-- The robots' outbox: one row per robot and event, written in the transaction of the change and
-- posted afterwards by RobotDispatcher, claimed with a lease and retried like the notices' mail.
create table robot_delivery (
  id ${id_column},
  version bigint not null,
  robot_id bigint not null,
  filing_id bigint,
  title varchar(200) not null,
  body varchar(2000) not null,
  link varchar(300),
  status varchar(10) not null,
  attempts integer not null,
  next_attempt_at ${timestamp_type},
  last_error varchar(500),
  created_at ${timestamp_type} not null,
  sent_at ${timestamp_type}
)${table_options};

create index ix_robot_delivery_due on robot_delivery (status, next_attempt_at);
create index ix_robot_delivery_robot on robot_delivery (robot_id, id);
