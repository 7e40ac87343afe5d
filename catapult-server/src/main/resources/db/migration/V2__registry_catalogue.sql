-- Registries, the artifact catalogue (manifests, tags with history, layers scanned once per digest, files
-- of interest), the intake archive, and a generic durable job queue.

create table registries (
  id                       bigserial primary key,
  name                     text not null unique,
  url                      text not null,
  host                     text not null unique,
  auth_type                text not null check (auth_type in ('none', 'basic', 'bearer')),
  username_env             text,
  password_env             text,
  notification_secret_hash text,
  poll_interval_seconds    integer not null check (poll_interval_seconds >= 5),
  max_concurrency          integer not null default 8 check (max_concurrency between 1 and 64),
  defined_in               text not null check (defined_in in ('api', 'config')),
  last_polled_at           timestamptz,
  created_at               timestamptz not null,
  updated_at               timestamptz not null
);

-- One row per manifest (image manifest or index) per repository. Platform manifests of an index are
-- artifacts too, pointing at their index through parent_digest.
create table artifacts (
  id              bigserial primary key,
  registry_id     bigint not null references registries (id),
  repository      text not null,
  digest          text not null check (digest ~ '^sha256:[0-9a-f]{64}$'),
  media_type      text not null,
  size            bigint,
  parent_digest   text,
  platform        jsonb,
  platforms       jsonb not null default '[]',
  config_digest   text,
  labels          jsonb not null default '{}',
  annotations     jsonb not null default '{}',
  created         timestamptz,
  service_name    text,
  git_url         text,
  revision        text,
  scan_status     text not null default 'pending' check (scan_status in ('pending', 'scanned', 'failed')),
  scan_error      text,
  scanner_version integer,
  scanned_at      timestamptz,
  first_seen_at   timestamptz not null,
  unique (registry_id, repository, digest)
);
create index artifacts_service on artifacts (service_name);
create index artifacts_digest on artifacts (digest);

create table artifact_tags (
  registry_id bigint not null references registries (id),
  repository  text not null,
  tag         text not null,
  digest      text not null,
  updated_at  timestamptz not null,
  primary key (registry_id, repository, tag)
);
create index artifact_tags_digest on artifact_tags (registry_id, repository, digest);

-- Every move of a tag: digest null means the tag was deleted.
create table tag_history (
  id          bigserial primary key,
  registry_id bigint not null references registries (id),
  repository  text not null,
  tag         text not null,
  digest      text,
  previous    text,
  source      text not null,
  at          timestamptz not null
);
create index tag_history_tag on tag_history (registry_id, repository, tag, id desc);

-- Layers are scanned once per digest, ever, whatever registry or repository they appear in.
create table layers (
  digest             text primary key check (digest ~ '^sha256:[0-9a-f]{64}$'),
  media_type         text not null,
  size               bigint,
  scanner_version    integer not null,
  entries            bigint not null,
  uncompressed_bytes bigint not null,
  truncated          boolean not null,
  whiteouts          text[] not null default '{}',
  opaque_directories text[] not null default '{}',
  notes              text[] not null default '{}',
  scanned_at         timestamptz not null
);

create table layer_files (
  layer_digest text not null references layers (digest),
  path         text not null,
  size         bigint not null,
  sha256       text not null,
  content      bytea not null,
  primary key (layer_digest, path)
);

-- Entries a scan refused (hostile) or left out (caps, skipped prefixes), with why.
create table layer_findings (
  layer_digest text not null references layers (digest),
  kind         text not null check (kind in ('rejected', 'skipped')),
  entry        text not null,
  reason       text not null
);
create index layer_findings_layer on layer_findings (layer_digest);

create table artifact_layers (
  artifact_id  bigint not null references artifacts (id),
  position     integer not null,
  layer_digest text not null,
  media_type   text not null,
  size         bigint,
  primary key (artifact_id, position)
);

-- The raw notification archive: deliveries are deduplicated by the registry's event id.
create table registry_events (
  registry_id bigint not null references registries (id),
  event_id    text not null,
  action      text not null,
  repository  text not null,
  tag         text,
  digest      text,
  received_at timestamptz not null,
  primary key (registry_id, event_id)
);

-- Durable background work: claimed with FOR UPDATE SKIP LOCKED, retried with back-off. A dedupe key
-- keeps one queued or running job per key (a second enqueue of the same work is a no-op).
create table jobs (
  id           text primary key,
  kind         text not null,
  dedupe_key   text,
  payload      jsonb not null,
  status       text not null check (status in ('queued', 'running', 'succeeded', 'failed')),
  attempts     integer not null default 0,
  max_attempts integer not null,
  run_at       timestamptz not null,
  locked_by    text,
  locked_until timestamptz,
  progress     jsonb not null default '{}',
  error        text,
  created_at   timestamptz not null,
  updated_at   timestamptz not null,
  finished_at  timestamptz
);
create unique index jobs_dedupe on jobs (dedupe_key) where status in ('queued', 'running');
create index jobs_ready on jobs (run_at) where status = 'queued';
create index jobs_running on jobs (locked_until) where status = 'running';
