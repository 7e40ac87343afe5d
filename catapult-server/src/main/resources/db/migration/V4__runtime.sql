-- Runtime tracking ("what's running where", SPEC §8): where runtime events come from, the raw event
-- archive, and the state the events build — one row per task (instance) and per service deployment (rollout).

create table runtime_sources (
  id                bigserial primary key,
  name              text not null unique,
  type              text not null check (type in ('ecs-sqs', 'webhook')),
  queue_url         text,
  region            text,
  endpoint          text,
  access_key_env    text,
  secret_key_env    text,
  ignore_containers text[],
  created_at        timestamptz not null,
  check (type <> 'ecs-sqs' or queue_url is not null)
);

-- The raw archive. Deduplicated by the event id together with a hash of the body: a redelivery is
-- byte-identical, while the ECS documentation's own examples reuse one id for different events.
create table runtime_events (
  id           bigserial primary key,
  source_id    bigint not null references runtime_sources (id),
  event_id     text not null,
  body_sha256  text not null,
  detail_type  text not null,
  account      text,
  body         jsonb not null,
  outcome      text not null,
  received_at  timestamptz not null,
  unique (source_id, event_id, body_sha256)
);

-- Messages that could not be understood: kept with the reason, never blocking the queue behind them.
create table runtime_dead_letters (
  id          bigserial primary key,
  source_id   bigint not null references runtime_sources (id),
  message_id  text,
  body        text not null,
  reason      text not null,
  received_at timestamptz not null
);
create index runtime_dead_letters_source on runtime_dead_letters (source_id, id desc);

create table instances (
  source_id      bigint not null references runtime_sources (id),
  task_arn       text not null,
  account        text not null,
  environment_id bigint references environments (id),
  app_id         bigint references apps (id),
  cluster_arn    text,
  service        text,
  container      text not null,
  repository     text not null,
  tag            text,
  digest         text,
  status         text not null,
  desired_status text,
  stopped_reason text,
  version        bigint not null,
  started_at     timestamptz,
  updated_at     timestamptz not null,
  first_seen_at  timestamptz not null,
  primary key (source_id, task_arn)
);
create index instances_app_env on instances (app_id, environment_id) where status <> 'stopped';

create table rollouts (
  source_id      bigint not null references runtime_sources (id),
  deployment_id  text not null,
  account        text not null,
  environment_id bigint references environments (id),
  service_arn    text not null,
  service        text not null,
  state          text not null check (state in ('in_progress', 'completed', 'failed')),
  rollback       boolean not null,
  reason         text not null,
  updated_at     timestamptz not null,
  primary key (source_id, deployment_id)
);
create index rollouts_service on rollouts (environment_id, service, updated_at desc);
