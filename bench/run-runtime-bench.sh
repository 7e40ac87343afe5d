#!/usr/bin/env bash
# What's-running-where benchmark (SPEC §11: 5,000 apps × 10 environments × 1,000,000 runtime events,
# p99 < 50 ms) and runtime event ingest throughput. Needs a PostgreSQL server (default: this machine's, on
# 127.0.0.1:5432 as user postgres); the database BENCH_DATABASE (default catapult_bench_runtime) is dropped
# and created empty first. Figures go to docs/benchmarks.md (section "whats-running-where").
#
#   bench/run-runtime-bench.sh [driver options]      e.g. --apps 500 --environments 4 for a quick run
#   bench/run-runtime-bench.sh --help                all options
#
# MVN_FLAGS (e.g. -o for offline) is passed to Maven. The server jar is built only when it is missing;
# rebuild it yourself (./mvnw -q -pl catapult-server -am package -DskipTests) to measure new server code.
source "$(dirname "$0")/lib.sh"

db="${BENCH_DATABASE:-catapult_bench_runtime}"
pg_host="${BENCH_PG_HOST:-127.0.0.1}"
pg_user="${BENCH_PG_USER:-postgres}"
if [[ " $* " != *" --help "* && " $* " != *" -h "* ]]; then
  psql -q -h "$pg_host" -U "$pg_user" -d postgres -v ON_ERROR_STOP=1 \
    -c "drop database if exists $db" -c "create database $db"
fi

build_server_if_missing
build_bench
invoked="$(invoked_as bench/run-runtime-bench.sh MVN_FLAGS BENCH_DATABASE -- "$@")"

exec "$JAVA" -cp catapult-bench/target/catapult-bench.jar dev.catapult.bench.runtime.WhatsRunningWhereBenchmark \
  --server-jar catapult-server/target/catapult-server.jar \
  --database-url "jdbc:postgresql://$pg_host:5432/$db?user=$pg_user" \
  --output docs/benchmarks.md \
  --invoked-as "$invoked" \
  "$@"
