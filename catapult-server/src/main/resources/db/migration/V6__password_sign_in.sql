-- Signing in to the web UI with a password (+ TOTP): principals can be disabled (no sign-in, no token use),
-- and failed sign-ins are counted per name in a sliding window. Numbered 6, not 5, so that it does not
-- collide with a migration another branch adds meanwhile; Flyway allows the gap.

alter table principals add column disabled_at timestamptz;

-- One row per refused (or still undecided) sign-in attempt. Keyed by the lower-cased name as typed, so
-- names that do not exist are limited the same way and the limiter does not tell which names exist.
create table sign_in_failures (
  id   bigserial primary key,
  name text not null,
  at   timestamptz not null
);
create index sign_in_failures_name on sign_in_failures (name, at);
create index sign_in_failures_at on sign_in_failures (at);
