-- Auto-deploy: which image each target has been auto-deployed (never the same one twice, whatever the
-- number of servers evaluating), and what the last evaluation of each target decided.

create table auto_deploys (
  app_id         bigint not null references apps (id),
  environment_id bigint not null references environments (id),
  digest         text not null,
  tag            text,
  version        bigint not null,
  deploy_id      text not null references deploys (id),
  created_at     timestamptz not null,
  primary key (app_id, environment_id, digest)
);

alter table targets add column last_evaluated_at timestamptz;
alter table targets add column last_evaluation jsonb;
