package dev.catapult.bench.poll;

import dev.catapult.bench.BenchArgs;
import java.nio.file.Path;

/**
 * Settings of one polling benchmark run, from {@code --name value} / {@code --name=value} arguments, falling
 * back to {@code BENCH_NAME} environment variables, then to defaults (as the release-creation driver does).
 */
record PollOptions(
        BenchArgs.ServerRun run,
        Path registryProgram,
        int repositories,
        int cycles,
        int moved,
        int parallelism,
        String pollInterval,
        String pollCheck,
        int maxConcurrency,
        int databasePoolSize,
        int settleTimeoutSeconds) {

    static final String USAGE = """
      Usage: PollCycleBenchmark [options]   (each option also as env BENCH_<NAME>, e.g. BENCH_REPOSITORIES)
        --registry-program PATH   CNCF Distribution binary (default /usr/bin/docker-registry, Debian's package)
        --repositories N          watched repositories, one app and one pinned target each (default 1000)
        --cycles N                idle poll cycles measured, at least 5 (default 6)
        --moved N                 repositories whose pinned tag is re-pushed before the last measurement (default 10)
        --parallelism N           concurrent requests while populating the registry and creating apps (default 8)
        --poll-interval D         the registry's pollInterval (default 5s, the server's minimum)
        --poll-check D            server setting catapult.registry.poll-check (default 1s)
        --max-concurrency N       the registry's maxConcurrency (default 0: the server's default, 8)
        --database-pool-size N    server setting CATAPULT_DATABASE_POOL_SIZE (default 0: the server's default, 16)
        --settle-timeout SECONDS  how long the first cycles may take to catalogue and scan everything (default 900)
      """ + BenchArgs.SERVER_RUN_USAGE;

    static PollOptions parse(String[] args) {
        BenchArgs in = BenchArgs.parse(args);
        PollOptions o = new PollOptions(
                in.serverRun(),
                in.registryProgram(),
                in.integer("repositories", 1000),
                in.integer("cycles", 6),
                in.integer("moved", 10),
                in.integer("parallelism", 8),
                in.get("poll-interval", "5s"),
                in.get("poll-check", "1s"),
                in.integer("max-concurrency", 0),
                in.integer("database-pool-size", 0),
                in.integer("settle-timeout", 900));
        in.rejectUnknown();
        BenchArgs.requireRegistryProgram(o.registryProgram());
        if (o.repositories() < 1
                || o.repositories() > 10_000
                || o.parallelism() < 1
                || o.moved() < 0
                || o.moved() > o.repositories()) {
            throw new BenchArgs.UsageException(
                    "need 1 ≤ repositories ≤ 10000, parallelism ≥ 1 and 0 ≤ moved ≤ repositories");
        }
        if (o.cycles() < 5) {
            throw new BenchArgs.UsageException("--cycles must be at least 5");
        }
        return o;
    }
}
