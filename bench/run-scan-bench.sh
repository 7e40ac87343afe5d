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
source "$(dirname "$0")/lib.sh"

build_bench
invoked="$(invoked_as bench/run-scan-bench.sh MVN_FLAGS BENCH_HEAP -- "$@")"

exec "$JAVA" --enable-native-access=ALL-UNNAMED -Xms"${BENCH_HEAP:-512m}" -Xmx"${BENCH_HEAP:-512m}" \
  -cp catapult-bench/target/catapult-bench.jar dev.catapult.bench.scan.LayerScanBenchmark \
  --output docs/benchmarks.md \
  --invoked-as "$invoked" \
  "$@"
