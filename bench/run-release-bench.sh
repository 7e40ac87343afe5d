#!/usr/bin/env bash
# Release-creation benchmark (SPEC §11): builds the driver, then runs it against a fresh server process
# it starts and stops itself. Figures go to docs/benchmarks.md (section "Release creation (HTTP)").
#
#   bench/run-release-bench.sh [driver options]      e.g. --requests 2000, --database-url jdbc:postgresql://127.0.0.1:5432/bench
#   bench/run-release-bench.sh --help                all options
#
# MVN_FLAGS (e.g. -o for offline) is passed to Maven. The server jar is built only when it is missing;
# rebuild it yourself (./mvnw -q -pl catapult-server -am package -DskipTests) to measure new server code.
source "$(dirname "$0")/lib.sh"

build_server_if_missing
build_bench
invoked="$(invoked_as bench/run-release-bench.sh MVN_FLAGS -- "$@")"

exec "$JAVA" -jar catapult-bench/target/catapult-bench.jar \
  --server-jar catapult-server/target/catapult-server.jar \
  --output docs/benchmarks.md \
  --invoked-as "$invoked" \
  "$@"
