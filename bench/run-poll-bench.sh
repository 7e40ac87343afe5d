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
source "$(dirname "$0")/lib.sh"

build_server_if_missing
build_bench
invoked="$(invoked_as bench/run-poll-bench.sh MVN_FLAGS -- "$@")"

exec "$JAVA" -cp catapult-bench/target/catapult-bench.jar dev.catapult.bench.poll.PollCycleBenchmark \
  --server-jar catapult-server/target/catapult-server.jar \
  --output docs/benchmarks.md \
  --invoked-as "$invoked" \
  "$@"
