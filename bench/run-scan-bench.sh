#!/usr/bin/env bash
# Layer-scanning benchmark (SPEC §11): builds the driver, then generates a synthetic layer in a temp file,
# times raw decompression against LayerScanner.scan on it and measures heap growth. No server involved.
# Figures go to docs/benchmarks.md (section "Layer scanning"); the temp layer is deleted at the end.
#
#   bench/run-scan-bench.sh [driver options]      e.g. --size-mib 2048, --runs 5, --no-zstd, --dir /var/tmp
#   bench/run-scan-bench.sh --help                all options
#
# MVN_FLAGS (e.g. -o for offline) is passed to Maven. The driver JVM gets a fixed heap (BENCH_HEAP, default
# 512m) so the heap figures come from a known configuration.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${JAVA_HOME:-}" ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [[ -x "$candidate/bin/java" ]]; then export JAVA_HOME="$candidate"; break; fi
  done
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

./mvnw -B -q ${MVN_FLAGS:-} -pl catapult-bench -am package -DskipTests

# The report shows the command exactly as typed (quoted where needed), so the run can be repeated.
quote() { if [[ "$1" =~ ^[A-Za-z0-9_./:=,@+-]+$ ]]; then printf '%s' "$1"; else printf "'%s'" "${1//\'/\'\\\'\'}"; fi; }
invoked="${MVN_FLAGS:+MVN_FLAGS=$(quote "$MVN_FLAGS") }${BENCH_HEAP:+BENCH_HEAP=$(quote "$BENCH_HEAP") }bench/run-scan-bench.sh"
for arg in "$@"; do invoked+=" $(quote "$arg")"; done

exec "$JAVA" --enable-native-access=ALL-UNNAMED -Xms"${BENCH_HEAP:-512m}" -Xmx"${BENCH_HEAP:-512m}" \
  -cp catapult-bench/target/catapult-bench.jar dev.catapult.bench.scan.LayerScanBenchmark \
  --output docs/benchmarks.md \
  --invoked-as "$invoked" \
  "$@"
