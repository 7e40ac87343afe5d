-- The release ledger: principals and tokens, apps, environments, targets, releases, deploys and the
-- hash-chained audit trail. PostgreSQL only.

create table principals (
  id                  text primary key,
  name                text not null unique,
  kind                text not null check (kind in ('user', 'service')),
  password_hash       text,
  totp_secret         text,
  totp_pending_secret text,
  totp_last_step      bigint,
  totp_failures       integer not null default 0,
  totp_locked_until   timestamptz,
  created_at          timestamptz not null
);

create table tokens (
  id           text primary key,
  principal_id text not null references principals (id),
  name         text not null,
  secret_hash  text not null unique,
  scopes       text[] not null,
  expires_at   timestamptz,
  revoked_at   timestamptz,
  created_at   timestamptz not null,
  last_used_at timestamptz
);
create index tokens_principal on tokens (principal_id);

create table apps (
  id                 bigserial primary key,
  name               text not null unique,
  image              text not null,
  repo_url           text,
  team               text,
  labels             jsonb not null default '{}',
  image_tag_template text not null,
  last_version       bigint not null default 0,
  archived_at        timestamptz,
  created_at         timestamptz not null,
  updated_at         timestamptz not null
);

create table environments (
  id                 bigserial primary key,
  name               text not null unique,
  rank               integer not null,
  protected          boolean not null default false,
  required_approvals integer not null default 0 check (required_approvals >= 0),
  accounts           text[] not null default '{}',
  created_at         timestamptz not null,
  updated_at         timestamptz not null
);

create table targets (
  app_id         bigint not null references apps (id),
  environment_id bigint not null references environments (id),
  deployer       jsonb not null,
  watch          jsonb,
  hold_reason    text,
  hold_until     timestamptz,
  hold_by        text,
  hold_at        timestamptz,
  updated_at     timestamptz not null,
  primary key (app_id, environment_id)
);

create table releases (
  app_id     bigint not null references apps (id),
  version    bigint not null check (version > 0),
  commit_sha text not null check (commit_sha ~ '^[0-9a-f]{40}$'),
  image      text,
  image_tag  text,
  author     text not null,
  changelog  text not null,
  commits    text[],
  source     text not null check (source in ('cli', 'api', 'registry')),
  revision   text not null unique,
  created_at timestamptz not null,
  primary key (app_id, version)
);
create index releases_commit on releases (app_id, commit_sha);

create table release_idempotency (
  app_id       bigint not null references apps (id),
  key          text not null,
  request_hash text not null,
  version      bigint not null,
  created_at   timestamptz not null,
  primary key (app_id, key)
);

create table deploys (
  id                 text primary key,
  app_id             bigint not null references apps (id),
  environment_id     bigint not null references environments (id),
  version            bigint not null,
  previous_version   bigint,
  actor              text not null,
  reason             text not null check (reason in ('manual', 'rollback', 'promotion', 'auto', 'redeploy')),
  rollback           boolean not null,
  status             text not null check (status in ('pending_approval', 'queued', 'in_progress', 'succeeded', 'failed', 'cancelled')),
  message            text,
  deployer_type      text not null,
  deployer_settings  jsonb not null,
  external_ref       text,
  required_approvals integer not null,
  attempts           integer not null default 0,
  dispatched         boolean not null default false,
  lease_owner        text,
  lease_until        timestamptz,
  deadline_at        timestamptz,
  created_at         timestamptz not null,
  updated_at         timestamptz not null,
  finished_at        timestamptz,
  foreign key (app_id, version) references releases (app_id, version)
);
create index deploys_app_env on deploys (app_id, environment_id, id desc);
create index deploys_queued on deploys (id) where status = 'queued';
create index deploys_in_progress on deploys (deadline_at) where status = 'in_progress';
-- One deploy at a time runs per app and environment; a second claim fails on this index.
create unique index deploys_one_running on deploys (app_id, environment_id) where status = 'in_progress';

create table deploy_transitions (
  deploy_id text not null references deploys (id),
  seq       integer not null,
  status    text not null,
  at        timestamptz not null,
  actor     text not null,
  message   text,
  primary key (deploy_id, seq)
);

create table deploy_approvals (
  deploy_id text not null references deploys (id),
  approver  text not null,
  at        timestamptz not null,
  primary key (deploy_id, approver)
);

-- Per app and environment: the deploy that last succeeded (what runs) and the latest deploy requested.
create table environment_state (
  app_id            bigint not null references apps (id),
  environment_id    bigint not null references environments (id),
  current_deploy_id text references deploys (id),
  current_version   bigint,
  latest_deploy_id  text references deploys (id),
  primary key (app_id, environment_id)
);

create table audit_events (
  seq        bigint primary key,
  at         timestamptz not null,
  actor      text not null,
  action     text not null,
  subject    text not null,
  details    jsonb not null,
  request_id text,
  prev_hash  text not null,
  hash       text not null
);
create index audit_subject on audit_events (subject, seq);
create index audit_actor on audit_events (actor, seq);
create index audit_action on audit_events (action, seq);

create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only (% refused)', tg_op;
end;
$$;
create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function audit_events_append_only();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_append_only();
