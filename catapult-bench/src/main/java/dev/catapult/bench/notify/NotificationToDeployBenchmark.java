package dev.catapult.bench.notify;

import static dev.catapult.bench.BenchRun.say;
import static dev.catapult.bench.BenchRun.seconds;

import dev.catapult.bench.BenchArgs;
import dev.catapult.bench.BenchRun;
import dev.catapult.bench.CatapultClient;
import dev.catapult.bench.MachineInfo;
import dev.catapult.bench.MarkdownSections;
import dev.catapult.bench.RegistryRun;
import dev.catapult.bench.ServerObservations;
import dev.catapult.testkit.registry.DockerRegistry;
import dev.catapult.testkit.server.ServerProcess;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;

/**
 * Registry notification → deploy queued (SPEC §11: "Notification → deploy queued: p99 < 250 ms"). Starts a
 * notification proxy ({@link HookProxy}), Debian's {@code docker-registry} on 127.0.0.1 sending its
 * notifications to that proxy, and a fresh server; creates {@code --apps} apps, each watching its own
 * repository (policy {@code semver}, auto-deploy on, {@code record} deployer); warms up with one push of
 * {@code 1.0.0} per app; then pushes {@code --pushes} new semver tags round-robin over the apps at
 * {@code --rate} pushes per second through the registry's HTTP API. Each push's latency is the time from the
 * proxy forwarding its notification to the server to the {@code queued} time of the auto deploy it caused.
 * Checks that every push led to exactly one auto deploy, reads the stage times from the server's database
 * afterwards, writes the "notification-to-deploy" section of docs/benchmarks.md and stops everything it
 * started. Run it with {@code bench/run-notify-bench.sh}.
 */
public final class NotificationToDeployBenchmark {
    static final String REGISTRY = "bench";
    static final String ENVIRONMENT = "prod";
    static final String SECTION = "notification-to-deploy";

    private NotificationToDeployBenchmark() {}

    /** One push the driver made (warm-up or measured) and how far behind its schedule it started. */
    record Push(
            int index,
            boolean warmup,
            String app,
            String repository,
            String tag,
            double lagMs,
            ImagePusher.Pushed pushed) {}

    /** An auto deploy as the API shows it, with the tag and digest of its release's image. */
    record DeployInfo(
            String id,
            String app,
            long version,
            String tag,
            String digest,
            String reason,
            String status,
            Instant queuedAt) {}

    /** Non-overlapping stages from the notification's forward to the deploy (milliseconds); see {@link NotifyReport}. */
    record Stages(
            double intake,
            double resolve,
            double scan,
            double evaluate,
            String trigger,
            int resolveAttempts,
            int scanAttempts) {
        double total() {
            return intake + resolve + scan + evaluate;
        }
    }

    /** What became of one push. */
    record Result(Push push, Optional<HookProxy.Forward> forward, List<DeployInfo> deploys, Optional<Stages> stages) {
        boolean exactlyOne() {
            return deploys.size() == 1;
        }

        Optional<Double> latencyMs() {
            return forward.isPresent() && exactlyOne()
                    ? Optional.of(millis(
                            forward.get().forwardedAt(), deploys.getFirst().queuedAt()))
                    : Optional.empty();
        }
    }

    public static void main(String[] args) throws Exception {
        NotifyOptions options = BenchArgs.parseOrExit(args, NotifyOptions::parse, NotifyOptions.USAGE);
        RegistryRun.run("catapult-notify-bench-", options.run().keepWorkDir(), run -> {
            NotifyReport.Builder report = new NotifyReport.Builder(
                    options, MachineInfo.read(), ZonedDateTime.now(), MachineInfo.loadAverage());
            long t0 = System.nanoTime();
            String token = BenchRun.randomToken();
            String secret = BenchRun.hex(24);
            say("work dir %s", run.work());

            HookProxy proxy = run.running().add(HookProxy.start());
            // stop the registry before the proxy it notifies
            DockerRegistry registry = run.registry(run.running()
                    .addFirst(BenchRun.startRegistry(
                            options.registryProgram(),
                            run.registryDir(),
                            "catapult-notify-bench",
                            proxy.url(),
                            secret)));
            report.registryVersion = DockerRegistry.version(options.registryProgram());
            say("%s listening on %s, notifying %s", report.registryVersion, registry.host(), proxy.url());

            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("CATAPULT_JOBS_CONCURRENCY", Integer.toString(options.jobsConcurrency()));
            settings.put("CATAPULT_JOBS_POLLINTERVAL", options.jobsPollInterval());
            report.serverSettings = settings;
            report.serverJar = BenchRun.jarIdentity(options.run().serverJar());
            // stop the server first
            ServerProcess server = run.startServer(options.run(), token, settings);
            report.startup = server.awaitReady(Duration.ofSeconds(options.run().readyTimeoutSeconds()));
            say("server pid %d ready at %s after %.1f s", server.pid(), server.baseUri(), seconds(report.startup));

            List<String> apps = new ArrayList<>();
            for (int i = 0; i < options.apps(); i++) {
                apps.add("notify-%04d".formatted(i));
            }
            try (CatapultClient api = new CatapultClient(server.baseUri(), token);
                    ImagePusher pusher = new ImagePusher(registry.url())) {
                long s0 = System.nanoTime();
                api.createEnvironment(ENVIRONMENT, 30);
                api.createNotifyingRegistry(REGISTRY, registry.url(), secret, options.pollInterval());
                proxy.forwardTo(server.baseUri().resolve("/hooks/registry/" + REGISTRY));
                for (String app : apps) {
                    api.createApp(app, registry.host() + "/" + repository(app));
                    api.putSemverTarget(app, ENVIRONMENT);
                }
                report.setup = Duration.ofNanos(System.nanoTime() - s0);
                say(
                        "created registry %s, environment %s, %d apps with semver auto-deploy targets in %.1f s",
                        REGISTRY, ENVIRONMENT, apps.size(), seconds(report.setup));

                // Warm-up: 1.0.0 in every repository, at the stream's rate; each must be auto-deployed.
                List<String[]> warmPlan = new ArrayList<>();
                for (String app : apps) {
                    warmPlan.add(new String[] {app, "1.0.0"});
                }
                report.warmupPushes = pushAll(pusher, warmPlan, options, true);
                report.warmup = settle(api, proxy, report.warmupPushes, options, "warm-up");
                say("warm-up: %s", NotifyReport.outcome(report.warmup));

                // The measured stream: push i goes to app i mod N with tag 1.0.(i div N + 1).
                List<String[]> plan = new ArrayList<>();
                for (int i = 0; i < options.pushes(); i++) {
                    plan.add(new String[] {apps.get(i % apps.size()), "1.0." + (i / apps.size() + 1)});
                }
                Thread.sleep(1000);
                report.loadAtStream = MachineInfo.loadAverage();
                StageProbe probe = new StageProbe(run.serverDir().resolve("data"));
                Optional<StageProbe.Counters> pg0 = probe.available() ? probe.counters() : Optional.empty();
                CpuSample cpu0 = CpuSample.take(server, registry);
                report.streamStart = Instant.now();
                report.pushes = pushAll(pusher, plan, options, false);
                report.streamPushed = Instant.now();
                say(
                        "pushed %d tags in %.1f s",
                        report.pushes.size(), millis(report.streamStart, report.streamPushed) / 1000);
                report.results = settle(api, proxy, report.pushes, options, "stream");
                report.streamSettled = report.results.stream()
                        .flatMap(r -> r.deploys().stream())
                        .map(DeployInfo::queuedAt)
                        .max(Instant::compareTo)
                        .orElse(Instant.now());
                report.cpu = CpuSample.take(server, registry).minus(cpu0);
                Optional<StageProbe.Counters> pg1 = probe.available() ? probe.counters() : Optional.empty();
                if (pg0.isPresent() && pg1.isPresent()) {
                    report.postgres = pg1.get().minus(pg0.get());
                }
                say("stream: %s", NotifyReport.outcome(report.results));

                Thread.sleep(options.graceSeconds() * 1000L);
                // Recount after the grace period: a second auto deploy of a pushed image would show up now.
                report.results = collect(api, proxy, report.pushes);
                report.warmup = collect(api, proxy, report.warmupPushes);
                report.unmatched = unmatchedAutoDeploys(api, apps, report.warmupPushes, report.pushes);
                report.registryRequests = api.statsJson(REGISTRY);
                report.proxy = proxy.totals();
                report.redeliveries = proxy.redeliveries();
                report.proxyProblems = proxy.problems();
                report.eventKinds = proxy.eventKinds();

                if (probe.available()) {
                    StageAnalysis analysis = StageAnalysis.of(probe, apps);
                    report.results = analysis.attach(report.results);
                    report.warmup = analysis.attach(report.warmup);
                    report.jobCounts = analysis.jobCounts();
                } else {
                    report.stageNote = "psql not found: no stage breakdown";
                }
            }
            report.gc = ServerObservations.gc(
                    server.gcLog(), server.startInstant(), report.streamStart, report.streamSettled);
            report.log = ServerObservations.log(server.log());
            report.registryLog = registry.notificationProblems();
            report.loadAfter = MachineInfo.loadAverage();
            report.elapsed = Duration.ofNanos(System.nanoTime() - t0);
            report.command = BenchRun.command(options.run().invokedAs(), NotificationToDeployBenchmark.class);
            NotifyReport built = report.build();
            MarkdownSections.replace(options.run().output(), SECTION, built.markdown());
            say("%s", built.summary());
            say("wrote the %s section of %s", SECTION, options.run().output().toAbsolutePath());
        });
    }

    static String repository(String app) {
        return "bench/" + app;
    }

    /**
     * Pushes {@code plan} ({app, tag} pairs) open loop: push i starts at {@code start + i / rate} on one of
     * {@code --pushers} threads, whatever the previous pushes are doing. Fails on the first failed push.
     */
    private static List<Push> pushAll(ImagePusher pusher, List<String[]> plan, NotifyOptions options, boolean warmup)
            throws Exception {
        List<Future<Push>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(options.pushers())) {
            long start = System.nanoTime() + 20_000_000L;
            for (int i = 0; i < plan.size(); i++) {
                long due = start + (long) (i * 1e9 / options.rate());
                for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(wait);
                }
                int index = i;
                String app = plan.get(i)[0];
                String tag = plan.get(i)[1];
                futures.add(pool.submit(() -> {
                    double lag = (System.nanoTime() - due) / 1e6;
                    return new Push(index, warmup, app, repository(app), tag, lag, pusher.push(repository(app), tag));
                }));
            }
            List<Push> pushes = new ArrayList<>();
            for (Future<Push> f : futures) {
                pushes.add(f.get());
            }
            return pushes;
        }
    }

    /**
     * Waits until every push has its auto deploy (reads only the apps still missing one, once a second, so the
     * driver's reads barely load the server), then returns the results. Fails after {@code --settle-timeout}.
     */
    private static List<Result> settle(
            CatapultClient api, HookProxy proxy, List<Push> pushes, NotifyOptions options, String what)
            throws Exception {
        long deadline = System.nanoTime() + options.settleTimeoutSeconds() * 1_000_000_000L;
        Map<String, List<Push>> byApp = byApp(pushes);
        Map<String, List<Result>> done = new HashMap<>();
        List<String> missing = new ArrayList<>(byApp.keySet());
        Thread.sleep(500);
        while (true) {
            List<String> still = new ArrayList<>();
            for (String app : missing) {
                List<Result> results = resultsOf(api, proxy, app, Objects.requireNonNull(byApp.get(app)));
                if (results.stream().allMatch(r -> !r.deploys().isEmpty())) {
                    done.put(app, results);
                } else {
                    still.add(app);
                }
            }
            missing = still;
            if (missing.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": after " + options.settleTimeoutSeconds() + " s, "
                        + missing.size()
                        + " apps still miss an auto deploy for some push, e.g. " + missing.getFirst() + ": "
                        + resultsOf(
                                        api,
                                        proxy,
                                        missing.getFirst(),
                                        Objects.requireNonNull(byApp.get(missing.getFirst())))
                                .stream()
                                .filter(r -> r.deploys().isEmpty())
                                .map(r -> r.push().tag() + " (forwarded: "
                                        + r.forward().isPresent() + ")")
                                .toList()
                        + "; target: " + api.target(missing.getFirst(), ENVIRONMENT));
            }
            Thread.sleep(1000);
        }
        return ordered(pushes, done);
    }

    /** The results of all pushes now (every app read once). */
    private static List<Result> collect(CatapultClient api, HookProxy proxy, List<Push> pushes) throws Exception {
        Map<String, List<Result>> done = new HashMap<>();
        for (Map.Entry<String, List<Push>> e : byApp(pushes).entrySet()) {
            done.put(e.getKey(), resultsOf(api, proxy, e.getKey(), e.getValue()));
        }
        return ordered(pushes, done);
    }

    private static Map<String, List<Push>> byApp(List<Push> pushes) {
        Map<String, List<Push>> byApp = new LinkedHashMap<>();
        pushes.forEach(
                p -> byApp.computeIfAbsent(p.app(), k -> new ArrayList<>()).add(p));
        return byApp;
    }

    private static List<Result> ordered(List<Push> pushes, Map<String, List<Result>> byApp) {
        Map<Push, Result> index = new HashMap<>();
        byApp.values().forEach(list -> list.forEach(r -> index.put(r.push(), r)));
        return pushes.stream().map(index::get).toList();
    }

    private static List<Result> resultsOf(CatapultClient api, HookProxy proxy, String app, List<Push> pushes)
            throws Exception {
        List<DeployInfo> deploys = autoDeploys(api, app);
        List<Result> out = new ArrayList<>();
        for (Push p : pushes) {
            List<DeployInfo> mine = deploys.stream()
                    .filter(d -> d.tag().equals(p.tag())
                            && d.digest().equals(p.pushed().digest()))
                    .toList();
            out.add(new Result(p, proxy.forward(p.repository(), p.tag()), mine, Optional.empty()));
        }
        return out;
    }

    /** The app's deploys with reason {@code auto}, each with its release's image tag and digest. */
    private static List<DeployInfo> autoDeploys(CatapultClient api, String app) throws Exception {
        List<JsonNode> deploys = api.deploys(app);
        if (deploys.isEmpty()) {
            return List.of();
        }
        Map<Long, JsonNode> releases = new HashMap<>();
        api.releases(app).forEach(r -> releases.put(r.path("version").asLong(), r));
        List<DeployInfo> out = new ArrayList<>();
        for (JsonNode d : deploys) {
            if (!"auto".equals(d.path("reason").asString(""))) {
                continue;
            }
            JsonNode release = releases.get(d.path("version").asLong());
            String image = release == null ? "" : release.path("image").asString("");
            String tag = release == null ? "" : release.path("imageTag").asString("");
            Instant queued = Instant.parse(d.path("createdAt").asString());
            for (JsonNode h : d.path("history")) {
                if ("queued".equals(h.path("status").asString(""))) {
                    queued = Instant.parse(h.path("at").asString());
                    break;
                }
            }
            out.add(new DeployInfo(
                    d.path("id").asString(),
                    app,
                    d.path("version").asLong(),
                    tag,
                    image.contains("@") ? image.substring(image.indexOf('@') + 1) : "",
                    d.path("reason").asString(""),
                    d.path("status").asString(""),
                    queued));
        }
        return out;
    }

    /** Auto deploys of the benchmark's apps that match no push (should be none). */
    private static List<DeployInfo> unmatchedAutoDeploys(
            CatapultClient api, List<String> apps, List<Push> warmup, List<Push> stream) throws Exception {
        Map<String, String> pushed = new HashMap<>();
        warmup.forEach(p -> pushed.put(p.app() + ":" + p.tag(), p.pushed().digest()));
        stream.forEach(p -> pushed.put(p.app() + ":" + p.tag(), p.pushed().digest()));
        List<DeployInfo> out = new ArrayList<>();
        for (String app : apps) {
            for (DeployInfo d : autoDeploys(api, app)) {
                if (!d.digest().equals(pushed.get(app + ":" + d.tag()))) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /** CPU seconds so far of the server JVM, its PostgreSQL, the registry, this driver, and the whole machine. */
    record CpuSample(double server, double postgres, double registry, double driver, double machineBusy, long nanos) {
        static CpuSample take(ServerProcess server, DockerRegistry registry) {
            double[] s = server.cpuSeconds();
            return new CpuSample(
                    s[0],
                    s[1],
                    registry.cpu().map(d -> d.toNanos() / 1e9).orElse(0.0),
                    ProcessHandle.current()
                                    .info()
                                    .totalCpuDuration()
                                    .orElse(Duration.ZERO)
                                    .toNanos()
                            / 1e9,
                    ServerObservations.machineBusySeconds(),
                    System.nanoTime());
        }

        CpuSample minus(CpuSample o) {
            return new CpuSample(
                    server - o.server,
                    postgres - o.postgres,
                    registry - o.registry,
                    driver - o.driver,
                    machineBusy - o.machineBusy,
                    nanos - o.nanos);
        }

        double wallSeconds() {
            return nanos / 1e9;
        }

        double others() {
            return Math.max(0, machineBusy - server - postgres - registry - driver);
        }
    }

    static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }
}
