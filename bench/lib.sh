# Shared preamble of bench/run-*-bench.sh (sourced, not run): strict mode, the repository root as working
# directory, a JDK (JAVA_HOME, else the first known one installed) and helpers to build and to record the
# command line. MVN_FLAGS (e.g. -o for offline) is passed to Maven.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -z "${JAVA_HOME:-}" ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [[ -x "$candidate/bin/java" ]]; then export JAVA_HOME="$candidate"; break; fi
  done
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# The server jar is built only when it is missing; rebuild it yourself to measure new server code.
build_server_if_missing() {
  if [[ ! -f catapult-server/target/catapult-server.jar ]]; then
    ./mvnw -B -q ${MVN_FLAGS:-} -pl catapult-server -am package -DskipTests
  fi
}

build_bench() {
  ./mvnw -B -q ${MVN_FLAGS:-} -pl catapult-bench -am package -DskipTests
}

# The report shows the command exactly as typed (quoted where needed), so the run can be repeated.
quote() { if [[ "$1" =~ ^[A-Za-z0-9_./:=,@+-]+$ ]]; then printf '%s' "$1"; else printf "'%s'" "${1//\'/\'\\\'\'}"; fi; }

# invoked_as SCRIPT [ENV_NAME...] -- [ARG...]: SCRIPT with its arguments, preceded by NAME=value for each
# ENV_NAME that is set and not empty, e.g. MVN_FLAGS=-o bench/run-poll-bench.sh --cycles 10.
invoked_as() {
  local script=$1 out="" name arg
  shift
  while [[ $# -gt 0 && "$1" != "--" ]]; do
    name=$1
    shift
    if [[ -n "${!name:-}" ]]; then out+="$name=$(quote "${!name}") "; fi
  done
  if [[ $# -gt 0 ]]; then shift; fi
  out+=$script
  for arg in "$@"; do out+=" $(quote "$arg")"; done
  printf '%s' "$out"
}
