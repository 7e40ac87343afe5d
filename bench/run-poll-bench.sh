#!/usr/bin/env bash
# Registry-polling benchmark (SPEC §11: one cycle over 1,000 watched repositories < 10 s, at most 1 HEAD per
# watched tag and 1 tag-list page per repository, nothing else). Builds the driver, then starts Debian's
# docker-registry and a fresh server process on 127.0.0.1, fills the registry, measures idle poll cycles and
# one cycle after re-pushing a pinned tag, and stops both. Figures go to docs/benchmarks.md (section
# "Registry polling"). Needs the docker-registry package (/usr/bin/docker-registry).
#
#   bench/run-poll-bench.sh [driver options]      e.g. --cycles 10, --repositories 2000, --moved 50
#   bench/run-poll-bench.sh --help                all options
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
invoked="${MVN_FLAGS:+MVN_FLAGS=$(quote "$MVN_FLAGS") }bench/run-poll-bench.sh"
for arg in "$@"; do invoked+=" $(quote "$arg")"; done

exec "$JAVA" -cp catapult-bench/target/catapult-bench.jar dev.catapult.bench.poll.PollCycleBenchmark \
  --server-jar catapult-server/target/catapult-server.jar \
  --output docs/benchmarks.md \
  --invoked-as "$invoked" \
  "$@"
