package dev.catapult.bench.notify;

import dev.catapult.bench.BenchArgs;
import java.nio.file.Path;

/**
 * Settings of one notification → deploy benchmark run, from {@code --name value} / {@code --name=value}
 * arguments, falling back to {@code BENCH_NAME} environment variables, then to defaults.
 */
record NotifyOptions(
        BenchArgs.ServerRun run,
        Path registryProgram,
        int apps,
        int pushes,
        double rate,
        int pushers,
        String pollInterval,
        int jobsConcurrency,
        String jobsPollInterval,
        int settleTimeoutSeconds,
        int graceSeconds) {

    static final String USAGE = """
      Usage: NotificationToDeployBenchmark [options]   (each option also as env BENCH_<NAME>, e.g. BENCH_PUSHES)
        --registry-program PATH    CNCF Distribution binary (default /usr/bin/docker-registry, Debian's package)
        --apps N                   apps, each watching its own repository with policy semver, auto-deploy on (default 50)
        --pushes N                 measured pushes of new semver tags, round-robin over the apps (default 300)
        --rate R                   pushes started per second, open loop (default 5)
        --pushers N                concurrent pushing threads, so a slow push does not delay the schedule (default 4)
        --poll-interval D          the registry's pollInterval in Catapult (default 60s, the server's default)
        --jobs-concurrency N       server setting CATAPULT_JOBS_CONCURRENCY (default 8)
        --jobs-poll-interval D     server setting CATAPULT_JOBS_POLLINTERVAL (default 200ms)
        --settle-timeout SECONDS   how long to wait for the deploys after the warm-up and after the stream (default 120)
        --grace SECONDS            how long to keep watching after the last expected deploy, for duplicates (default 5)
      """ + BenchArgs.SERVER_RUN_USAGE;

    static NotifyOptions parse(String[] args) {
        BenchArgs in = BenchArgs.parse(args);
        NotifyOptions o = new NotifyOptions(
                in.serverRun(),
                in.registryProgram(),
                in.integer("apps", 50),
                in.integer("pushes", 300),
                in.decimal("rate", 5),
                in.integer("pushers", 4),
                in.get("poll-interval", "60s"),
                in.integer("jobs-concurrency", 8),
                in.get("jobs-poll-interval", "200ms"),
                in.integer("settle-timeout", 120),
                in.integer("grace", 5));
        in.rejectUnknown();
        BenchArgs.requireRegistryProgram(o.registryProgram());
        if (o.apps() < 1
                || o.apps() > 5000
                || o.pushes() < 1
                || o.rate() <= 0
                || o.rate() > 200
                || o.pushers() < 1
                || o.jobsConcurrency() < 1
                || o.graceSeconds() < 0) {
            throw new BenchArgs.UsageException(
                    "need 1 ≤ apps ≤ 5000, pushes ≥ 1, 0 < rate ≤ 200, pushers ≥ 1, jobs-concurrency ≥ 1, grace ≥ 0");
        }
        return o;
    }
}
