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
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${JAVA_HOME:-}" ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [[ -x "$candidate/bin/java" ]]; then export JAVA_HOME="$candidate"; break; fi
  done
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [[ ! -f catapult-server/target/catapult-server.jar ]]; then
  ./mvnw -B -q ${MVN_FLAGS:-} -pl catapult-server -am package -DskipTests
fi
./mvnw -B -q ${MVN_FLAGS:-} -pl catapult-bench -am package -DskipTests

# The report shows the command exactly as typed (quoted where needed), so the run can be repeated.
quote() { if [[ "$1" =~ ^[A-Za-z0-9_./:=,@+-]+$ ]]; then printf '%s' "$1"; else printf "'%s'" "${1//\'/\'\\\'\'}"; fi; }
invoked="${MVN_FLAGS:+MVN_FLAGS=$(quote "$MVN_FLAGS") }bench/run-notify-bench.sh"
for arg in "$@"; do invoked+=" $(quote "$arg")"; done

exec "$JAVA" -cp catapult-bench/target/catapult-bench.jar dev.catapult.bench.notify.NotificationToDeployBenchmark \
  --server-jar catapult-server/target/catapult-server.jar \
  --output docs/benchmarks.md \
  --invoked-as "$invoked" \
  "$@"
