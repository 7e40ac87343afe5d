#!/usr/bin/env bash
# Release-creation benchmark (SPEC §11): builds the driver, then runs it against a fresh server process
# it starts and stops itself. Figures go to docs/benchmarks.md (section "Release creation (HTTP)").
#
#   bench/run-release-bench.sh [driver options]      e.g. --requests 2000, --database-url jdbc:postgresql://127.0.0.1:5432/bench
#   bench/run-release-bench.sh --help                all options
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
invoked="${MVN_FLAGS:+MVN_FLAGS=$(quote "$MVN_FLAGS") }bench/run-release-bench.sh"
for arg in "$@"; do invoked+=" $(quote "$arg")"; done

exec "$JAVA" -jar catapult-bench/target/catapult-bench.jar \
  --server-jar catapult-server/target/catapult-server.jar \
  --output docs/benchmarks.md \
  --invoked-as "$invoked" \
  "$@"
