package dev.catapult.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Settings of one benchmark run, from {@code --name value} / {@code --name=value} arguments, falling back
 * to {@code BENCH_NAME} environment variables, then to defaults.
 */
record BenchOptions(
        BenchArgs.ServerRun run,
        int warmup,
        int requests,
        List<Integer> concurrency,
        int creators,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        String token) {

    static final String USAGE = """
      Usage: ReleaseCreationBenchmark [options]   (each option also as env BENCH_<NAME>, e.g. BENCH_REQUESTS)
        --warmup N               warm-up requests before measuring (default 2000)
        --requests N             measured requests per scenario (default 5000)
        --concurrency LIST       concurrent clients per scenario, comma separated (default 1,16)
        --creators N             concurrent creators for the I1 check, one release each (default 50)
        --database-url URL       external PostgreSQL (jdbc:postgresql://127.0.0.1:…); default: embedded
        --database-user U        --database-password P   credentials for --database-url
        --token T                admin token when the database is not fresh (default: bootstrap a random one)
      """ + BenchArgs.SERVER_RUN_USAGE;

    static BenchOptions parse(String[] args) {
        BenchArgs in = BenchArgs.parse(args);
        BenchOptions o = new BenchOptions(
                in.serverRun(),
                in.integer("warmup", 2000),
                in.integer("requests", 5000),
                Arrays.stream(in.get("concurrency", "1,16").split(","))
                        .map(String::strip)
                        .map(Integer::parseInt)
                        .toList(),
                in.integer("creators", 50),
                in.get("database-url", ""),
                in.get("database-user", ""),
                in.get("database-password", ""),
                in.get("token", ""));
        in.rejectUnknown();
        if (!o.databaseUrl().isEmpty()
                && !o.databaseUrl().startsWith("jdbc:postgresql://127.0.0.1")
                && !o.databaseUrl().startsWith("jdbc:postgresql://localhost")) {
            throw new BenchArgs.UsageException(
                    "--database-url must point at 127.0.0.1 (this driver only targets the local machine)");
        }
        if (o.warmup() < 0
                || o.requests() < 1
                || o.creators() < 1
                || o.concurrency().stream().anyMatch(c -> c < 1)) {
            throw new BenchArgs.UsageException("counts must be positive");
        }
        return o;
    }

    boolean externalDatabase() {
        return !databaseUrl.isEmpty();
    }
}
