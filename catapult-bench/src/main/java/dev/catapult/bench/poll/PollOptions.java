package dev.catapult.bench.poll;

import dev.catapult.bench.BenchArgs;
import java.nio.file.Path;
import java.util.List;

/**
 * Settings of one polling benchmark run, from {@code --name value} / {@code --name=value} arguments, falling
 * back to {@code BENCH_NAME} environment variables, then to defaults (as the release-creation driver does).
 */
record PollOptions(
        Path serverJar,
        Path registryProgram,
        Path output,
        int repositories,
        int cycles,
        int moved,
        int parallelism,
        String pollInterval,
        String pollCheck,
        int maxConcurrency,
        int databasePoolSize,
        List<String> serverJvmOptions,
        int readyTimeoutSeconds,
        int settleTimeoutSeconds,
        boolean keepWorkDir,
        String invokedAs,
        String note) {

    static final String USAGE = """
      Usage: PollCycleBenchmark [options]   (each option also as env BENCH_<NAME>, e.g. BENCH_REPOSITORIES)
        --server-jar PATH         catapult-server.jar to start (default catapult-server/target/catapult-server.jar)
        --registry-program PATH   CNCF Distribution binary (default /usr/bin/docker-registry, Debian's package)
        --output PATH             markdown file whose registry-polling section is replaced (default docs/benchmarks.md)
        --repositories N          watched repositories, one app and one pinned target each (default 1000)
        --cycles N                idle poll cycles measured, at least 5 (default 6)
        --moved N                 repositories whose pinned tag is re-pushed before the last measurement (default 10)
        --parallelism N           concurrent requests while populating the registry and creating apps (default 8)
        --poll-interval D         the registry's pollInterval (default 5s, the server's minimum)
        --poll-check D            server setting catapult.registry.poll-check (default 1s)
        --max-concurrency N       the registry's maxConcurrency (default 0: the server's default, 8)
        --database-pool-size N    server setting CATAPULT_DATABASE_POOL_SIZE (default 0: the server's default, 16)
        --server-jvm-options S    extra JVM options for the server, space separated (default none)
        --ready-timeout SECONDS   how long to wait for /readyz (default 300)
        --settle-timeout SECONDS  how long the first cycles may take to catalogue and scan everything (default 900)
        --keep-work-dir           keep the temp folder (server and registry logs) after a successful run
        --invoked-as TEXT         the command to print in the report (default: the java command line)
        --note TEXT               free text recorded with the machine description (e.g. other load)
      """;

    static PollOptions parse(String[] args) {
        BenchArgs in = BenchArgs.parse(args);
        PollOptions o = new PollOptions(
                in.serverJar(),
                in.registryProgram(),
                in.output(),
                in.integer("repositories", 1000),
                in.integer("cycles", 6),
                in.integer("moved", 10),
                in.integer("parallelism", 8),
                in.get("poll-interval", "5s"),
                in.get("poll-check", "1s"),
                in.integer("max-concurrency", 0),
                in.integer("database-pool-size", 0),
                in.serverJvmOptions(),
                in.readyTimeout(),
                in.integer("settle-timeout", 900),
                in.keepWorkDir(),
                in.invokedAs(),
                in.note());
        in.rejectUnknown();
        BenchArgs.requireServerJar(o.serverJar());
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
