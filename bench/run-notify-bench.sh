#!/usr/bin/env bash
# Notification → deploy queued benchmark (SPEC §11: p99 < 250 ms). Builds the driver, then starts on 127.0.0.1 a
# notification proxy (in the driver), Debian's docker-registry notifying that proxy, and a fresh server process;
# creates apps watching their repositories (semver, auto-deploy on), warms up, pushes a stream of new tags at a
# steady rate and times each notification until its auto deploy is queued; checks every push led to exactly one
# auto deploy; stops everything. Figures go to docs/benchmarks.md (section "Notification → deploy queued").
# Needs the docker-registry package (/usr/bin/docker-registry); psql (optional) adds the per-stage breakdown.
#
#   bench/run-notify-bench.sh [driver options]      e.g. --pushes 600, --rate 10, --apps 100
#   bench/run-notify-bench.sh --help                all options
#
# MVN_FLAGS (e.g. -o for offline) is passed to Maven. The server jar is built only when it is missing;
# rebuild it yourself (./mvnw -q -pl catapult-server -am package -DskipTests) to measure new server code.
source "$(dirname "$0")/lib.sh"

build_server_if_missing
build_bench
invoked="$(invoked_as bench/run-notify-bench.sh MVN_FLAGS -- "$@")"

exec "$JAVA" -cp catapult-bench/target/catapult-bench.jar dev.catapult.bench.notify.NotificationToDeployBenchmark \
  --server-jar catapult-server/target/catapult-server.jar \
  --output docs/benchmarks.md \
  --invoked-as "$invoked" \
  "$@"
