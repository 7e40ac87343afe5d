-- Runtime tracking, second part (SPEC §8): signed webhook and Docker event sources, crash-loop detection,
-- correlation of instances with the deploy that started them, and indexes for what's-running-where at scale.

alter table runtime_sources drop constraint runtime_sources_type_check;
alter table runtime_sources add constraint runtime_sources_type_check check (type in ('ecs-sqs', 'webhook', 'docker'));
-- The name of the server variable holding a webhook source's HMAC secret (never the secret itself).
alter table runtime_sources add column secret_env text;
alter table runtime_sources add constraint runtime_sources_webhook_secret check (type <> 'webhook' or secret_env is not null);

-- deploy_id: the Catapult deploy that started the instance when the runtime says so (Docker container
-- labels, the webhook's deployId); otherwise what's-running-where correlates by digest.
alter table instances add column deploy_id text;
alter table instances add column exit_code integer;

-- Every unexpected exit of an instance (non-zero exit code, or a task stopped because its essential
-- container exited or it failed to start): what crash-loop ("unstable") detection counts.
create table instance_exits (
  id             bigserial primary key,
  source_id      bigint not null references runtime_sources (id),
  task_arn       text not null,
  app_id         bigint references apps (id),
  environment_id bigint references environments (id),
  digest         text,
  exit_code      integer,
  reason         text not null,
  exited_at      timestamptz not null,
  -- one row per exit, however often the event that reported it is delivered or replayed
  unique (source_id, task_arn, exited_at)
);
create index instance_exits_cell on instance_exits (app_id, environment_id, exited_at desc);

-- what's-running-where reads present instances per app; the cdp deployment views count instances per deploy.
drop index instances_app_env;
create index instances_present on instances (app_id, environment_id, digest) where status <> 'stopped';
create index runtime_events_source_order on runtime_events (source_id, id);
create index instances_deploy on instances (deploy_id) where deploy_id is not null;
