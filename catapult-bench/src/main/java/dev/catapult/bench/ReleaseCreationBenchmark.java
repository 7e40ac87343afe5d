package dev.catapult.bench;

import static dev.catapult.bench.BenchRun.deleteRecursively;
import static dev.catapult.bench.BenchRun.say;

import dev.catapult.testkit.server.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Release creation over HTTP (SPEC §11): starts its own server, warms it up, measures
 * {@code POST /api/v1/apps/{app}/releases} with 1 and with 16 clients, checks I1 with 50 concurrent
 * creators, writes the "release-creation" section of docs/benchmarks.md, and stops everything it started.
 * Run it with {@code bench/run-release-bench.sh}; options in {@link BenchOptions#USAGE}.
 */
public final class ReleaseCreationBenchmark {
    private static final int WARMUP_CLIENTS = 16;

    private ReleaseCreationBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchArgs.parseOrExit(args, BenchOptions::parse, BenchOptions.USAGE);
        Path work = Files.createTempDirectory("catapult-bench-");
        boolean completed = false;
        ServerProcess server = null;
        try {
            String runId = BenchRun.hex(3);
            String token = options.token().isEmpty() ? BenchRun.randomToken() : options.token();
            ZonedDateTime startedAt = ZonedDateTime.now();
            long t0 = System.nanoTime();
            MachineInfo machine = MachineInfo.read();
            String loadBefore = MachineInfo.loadAverage();
            say("work dir %s; starting %s", work, options.run().serverJar());
            server = BenchRun.startServer(
                    options.run().serverJar(),
                    options.run().serverJvmOptions(),
                    work,
                    token,
                    databaseSettings(options));
            ServerProcess started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "bench-stop-server"));
            Duration startup =
                    server.awaitReady(Duration.ofSeconds(options.run().readyTimeoutSeconds()));
            say("server pid %d ready at %s after %.1f s", server.pid(), server.baseUri(), startup.toMillis() / 1000.0);

            CpuAccount cpu = new CpuAccount(server, options.externalDatabase());
            ReleaseCreationReport report;
            try (CatapultClient client = new CatapultClient(server.baseUri(), token)) {
                client.createEnvironment("bench-" + runId, 10);
                String repo = "127.0.0.1:5000/bench/app-" + runId;

                String warmApp = "bench-warmup-" + runId;
                client.createApp(warmApp, repo);
                ReleaseBodies warmBodies = new ReleaseBodies(repo, 7);
                int half = options.warmup() / 2;
                LoadRun.Result warm1 = LoadRun.run(client, warmApp, warmBodies, half, 1, "warm1-" + runId);
                LoadRun.Result warmN = LoadRun.run(
                        client, warmApp, warmBodies, options.warmup() - half, WARMUP_CLIENTS, "warmN-" + runId);
                LoadRun.Result warmup = merge(warm1, warmN, options.warmup());
                say("warm-up: %d requests, %d errors %s", options.warmup(), warmup.errors(), warmup.outcomes());

                List<ReleaseCreationReport.Scenario> scenarios = new ArrayList<>();
                for (int clients : options.concurrency()) {
                    String app = "bench-c" + clients + "-" + runId;
                    client.createApp(app, repo);
                    ServerObservations.CreateTimer before = ServerObservations.createTimer(client);
                    LoadRun.Result r = LoadRun.run(
                            client,
                            app,
                            new ReleaseBodies(repo, 1000 + clients),
                            options.requests(),
                            clients,
                            "c" + clients + "-" + runId);
                    ServerObservations.CreateTimer after = ServerObservations.createTimer(client);
                    LedgerReadBack.Verdict ledger = LedgerReadBack.verify(client, app, r.total());
                    LatencyStats l = r.stats();
                    say(
                            "%2d clients: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, %.0f req/s, %d errors %s; ledger: %s",
                            clients,
                            l.p50(),
                            l.p90(),
                            l.p99(),
                            l.max(),
                            r.throughput(),
                            r.errors(),
                            r.outcomes(),
                            ledger.detail());
                    r.errorSamples().forEach(e -> say("  error: %s", e));
                    scenarios.add(new ReleaseCreationReport.Scenario(r, ledger, after.meanMillisSince(before)));
                }

                String i1App = "bench-i1-" + runId;
                client.createApp(i1App, repo);
                ConcurrentCreators.Result creators = ConcurrentCreators.run(
                        client, i1App, new ReleaseBodies(repo, 99), options.creators(), "i1-" + runId);
                say(
                        "I1: %d creators, %d errors, handed out gapless: %s, read back: %s",
                        creators.creators(),
                        creators.errors(),
                        creators.handedOutGapless(),
                        creators.readBack().detail());
                creators.errorSamples().forEach(e -> say("  error: %s", e));

                String cpuUse = cpu.summary();
                say("CPU from warm-up to the end: %s", cpuUse);
                ServerObservations.GcPauses gc = ServerObservations.gc(server.gcLog());
                say("server GC: %s", gc);
                ServerObservations.LogSummary log = ServerObservations.log(server.log());
                say("server log: %d WARN, %d ERROR lines", log.warnings(), log.errors());
                log.firstLines().forEach(line -> say("  %s", line));
                report = new ReleaseCreationReport(
                        options,
                        machine,
                        startedAt,
                        Duration.ofNanos(System.nanoTime() - t0),
                        loadBefore,
                        MachineInfo.loadAverage(),
                        cpuUse,
                        startup,
                        warmup,
                        scenarios,
                        creators,
                        gc,
                        log,
                        BenchRun.command(options.run().invokedAs(), ReleaseCreationBenchmark.class));
            }
            MarkdownSections.replace(options.run().output(), "release-creation", report.markdown());
            say(
                    "wrote the release-creation section of %s",
                    options.run().output().toAbsolutePath());
            completed = true;
        } catch (Exception e) {
            if (server != null) {
                System.err.println("server log tail:\n" + server.logTail(30));
            }
            throw e;
        } finally {
            if (server != null) {
                server.close();
                List<ProcessHandle> left = server.processes();
                if (!left.isEmpty()) {
                    say(
                            "WARNING: processes still alive after stopping the server: %s",
                            left.stream().map(ProcessHandle::pid).toList());
                }
            }
            if (completed && !options.run().keepWorkDir()) {
                deleteRecursively(work);
            } else {
                say("kept %s (server.log inside)", work);
            }
        }
    }

    private static LoadRun.Result merge(LoadRun.Result a, LoadRun.Result b, int total) {
        List<String> samples = new ArrayList<>(a.errorSamples());
        samples.addAll(b.errorSamples());
        Map<String, Integer> outcomes = new TreeMap<>(a.outcomes());
        b.outcomes().forEach((k, v) -> outcomes.merge(k, v, Integer::sum));
        return new LoadRun.Result(
                a.app(),
                b.clients(),
                total,
                new long[0],
                outcomes,
                a.errors() + b.errors(),
                a.replays() + b.replays(),
                a.wallNanos() + b.wallNanos(),
                List.of(),
                samples);
    }

    /** The external database, if any; the server's embedded one otherwise. */
    private static Map<String, String> databaseSettings(BenchOptions options) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (options.externalDatabase()) {
            settings.put("CATAPULT_DATABASE_URL", options.databaseUrl());
            settings.put("CATAPULT_DATABASE_USER", options.databaseUser());
            settings.put("CATAPULT_DATABASE_PASSWORD", options.databasePassword());
        }
        return settings;
    }
}
