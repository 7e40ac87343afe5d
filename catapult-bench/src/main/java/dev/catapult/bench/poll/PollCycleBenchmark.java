package dev.catapult.bench.poll;

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
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * Registry polling (SPEC §11: "Polling 1,000 watched repositories: one cycle < 10 s with at most 1 HEAD per
 * watched tag and 1 tag-list page per repository, zero requests beyond that"). Starts Debian's
 * {@code docker-registry} and fills it with {@code --repositories} repositories (tags {@code 1.0.0} and
 * {@code stable}), starts a fresh server, creates one app per repository with a target pinned to
 * {@code stable}, lets the first cycles catalogue and scan everything, then measures idle cycles (server
 * timer, the server's request counters and the registry's access log) and one cycle after re-pushing
 * {@code stable} in {@code --moved} repositories. Writes the "registry-polling" section of
 * docs/benchmarks.md and stops everything it started. Run it with {@code bench/run-poll-bench.sh}.
 */
public final class PollCycleBenchmark {
    static final String REGISTRY = "bench";
    static final String ENVIRONMENT = "dev";
    static final String PINNED_TAG = "stable";
    static final List<String> TAGS = List.of("1.0.0", PINNED_TAG);
    private static final int WARMUP_CYCLES = 1;
    private static final int MAX_REPUSH_WINDOWS = 6;

    private PollCycleBenchmark() {}

    public static void main(String[] args) throws Exception {
        PollOptions options = BenchArgs.parseOrExit(args, PollOptions::parse, PollOptions.USAGE);
        RegistryRun.run("catapult-poll-bench-", options.run().keepWorkDir(), run -> {
            PollReport.Builder report =
                    new PollReport.Builder(options, MachineInfo.read(), ZonedDateTime.now(), MachineInfo.loadAverage());
            long t0 = System.nanoTime();
            String token = BenchRun.randomToken();
            say("work dir %s", run.work());

            DockerRegistry registry = run.registry(run.running()
                    .add(BenchRun.startRegistry(options.registryProgram(), run.registryDir(), "catapult-poll-bench")));
            report.registryVersion = DockerRegistry.version(options.registryProgram());
            say("%s listening on %s", report.registryVersion, registry.host());
            List<RegistryPopulator.Pushed> pushed;
            try (RegistryPopulator populator = new RegistryPopulator(registry.url())) {
                long p0 = System.nanoTime();
                pushed = populator.populate(options.repositories(), TAGS, options.parallelism());
                report.populate = Duration.ofNanos(System.nanoTime() - p0);
                report.verified = verifySample(populator, pushed);
            }
            say(
                    "pushed %d repositories × %s in %.1f s; %s",
                    pushed.size(), TAGS, seconds(report.populate), report.verified);

            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("CATAPULT_REGISTRY_POLLCHECK", options.pollCheck());
            if (options.databasePoolSize() > 0) {
                settings.put("CATAPULT_DATABASE_POOL_SIZE", Integer.toString(options.databasePoolSize()));
            }
            report.serverSettings = settings;
            report.serverJar = BenchRun.jarIdentity(options.run().serverJar());
            // stop the server before the registry it polls
            ServerProcess server = run.startServer(options.run(), token, settings);
            report.startup = server.awaitReady(Duration.ofSeconds(options.run().readyTimeoutSeconds()));
            say("server pid %d ready at %s after %.1f s", server.pid(), server.baseUri(), seconds(report.startup));

            try (CatapultClient api = new CatapultClient(server.baseUri(), token)) {
                api.createEnvironment(ENVIRONMENT, 10);
                long s0 = System.nanoTime();
                createAppsAndTargets(api, registry, options);
                report.setup = Duration.ofNanos(System.nanoTime() - s0);
                say(
                        "created %d apps and %d pinned targets in %.1f s",
                        options.repositories(), options.repositories(), seconds(report.setup));

                // The registry comes last, so its first cycle already sees every watched repository.
                long d0 = System.nanoTime();
                api.createRegistry(REGISTRY, registry.url(), options.pollInterval(), options.maxConcurrency());
                CycleWatch watch = new CycleWatch(
                        api,
                        server,
                        registry,
                        REGISTRY,
                        new WalProbe(run.serverDir().resolve("data")));
                Duration cycleTimeout = Duration.ofSeconds(120);
                awaitCatalogue(api, watch, options, pushed, Duration.ofSeconds(options.settleTimeoutSeconds()));
                report.discovery = Duration.ofNanos(System.nanoTime() - d0);
                report.discoveryRequests = api.stats(REGISTRY);
                report.discoveryCycles = watch.current().count();
                report.discoveryLines = PollObservations.cycleLines(server.log(), REGISTRY);
                say(
                        "catalogue complete after %.1f s and %d cycles: %s",
                        seconds(report.discovery), report.discoveryCycles, report.discoveryRequests);

                watch.mark(cycleTimeout);
                for (int i = 1; i <= WARMUP_CYCLES; i++) {
                    CycleWatch.Window w = watch.next("warm-up " + i, cycleTimeout);
                    report.warmup.add(w);
                    sayWindow(w);
                }
                for (int i = 1; i <= options.cycles(); i++) {
                    CycleWatch.Window w = watch.next(Integer.toString(i), cycleTimeout);
                    report.idle.add(w);
                    sayWindow(w);
                }

                if (options.moved() > 0) {
                    // Right after a cycle ended (the one that closed the last idle window; the next one starts about a
                    // poll interval later), push a new build under the pinned tag.
                    List<RegistryPopulator.Pushed> moved;
                    try (RegistryPopulator populator = new RegistryPopulator(registry.url())) {
                        long r0 = System.nanoTime();
                        moved = populator.repush(options.moved(), PINNED_TAG, "1.0.1", options.parallelism());
                        report.repush = Duration.ofNanos(System.nanoTime() - r0);
                        report.repushAfterCycleEnd = Duration.ofNanos(
                                System.nanoTime() - watch.last().nanos());
                    }
                    report.repushOverlapped =
                            watch.current().count() != watch.last().timer().count();
                    say(
                            "re-pushed %s in %d repositories in %.2f s%s",
                            PINNED_TAG,
                            moved.size(),
                            seconds(report.repush),
                            report.repushOverlapped ? " (a cycle ended meanwhile)" : "");
                    for (int i = 1; i <= MAX_REPUSH_WINDOWS; i++) {
                        CycleWatch.Window w = watch.next("after re-push " + i, cycleTimeout);
                        report.repushWindows.add(w);
                        sayWindow(w);
                        if (i > 1 && w.idle(options.repositories(), options.repositories())) {
                            break;
                        }
                    }
                    report.repushCheck = checkMoved(api, moved);
                    say("re-pushed tags in the catalogue: %s", report.repushCheck);
                }
                report.finalRequests = api.stats(REGISTRY);
            }
            report.log = ServerObservations.log(server.log());
            report.loadAfter = MachineInfo.loadAverage();
            report.elapsed = Duration.ofNanos(System.nanoTime() - t0);
            report.command = BenchRun.command(options.run().invokedAs(), PollCycleBenchmark.class);
            PollReport built = report.build();
            MarkdownSections.replace(options.run().output(), "registry-polling", built.markdown());
            say("%s", built.summary());
            say(
                    "wrote the registry-polling section of %s",
                    options.run().output().toAbsolutePath());
        });
    }

    /** HEAD with the OCI Accept type on a sample of repositories: every tag must serve the pushed digest. */
    private static String verifySample(RegistryPopulator populator, List<RegistryPopulator.Pushed> pushed)
            throws Exception {
        List<Integer> sample = new ArrayList<>(List.of(0, pushed.size() / 2, pushed.size() - 1));
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 7; i++) {
            sample.add(random.nextInt(pushed.size()));
        }
        int checked = 0;
        for (int index : sample.stream().distinct().toList()) {
            RegistryPopulator.Pushed p = pushed.get(index);
            for (String tag : p.tags()) {
                Optional<String> served = populator.head(p.repository(), tag);
                if (!served.equals(Optional.of(p.digest()))) {
                    throw new IllegalStateException("registry serves " + served + " for " + p.repository() + ":" + tag
                            + ", pushed " + p.digest());
                }
                checked++;
            }
        }
        return "HEAD of " + checked + " sampled tags (OCI Accept) returned the pushed digests";
    }

    private static void createAppsAndTargets(CatapultClient api, DockerRegistry registry, PollOptions options)
            throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(options.parallelism())) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < options.repositories(); i++) {
                String repository = RegistryPopulator.repository(i);
                String app = repository.substring(repository.indexOf('/') + 1);
                futures.add(pool.submit(() -> {
                    api.createApp(app, registry.host() + "/" + repository);
                    api.putPinnedTarget(app, ENVIRONMENT, PINNED_TAG);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }

    /**
     * The first cycles' work is done when every repository has its artifact in the catalogue, tagged with
     * both tags and scanned (by the resolve and scan jobs the cycles queued). Fails on timeout.
     */
    private static void awaitCatalogue(
            CatapultClient api,
            CycleWatch watch,
            PollOptions options,
            List<RegistryPopulator.Pushed> pushed,
            Duration timeout)
            throws Exception {
        Map<String, String> expected = new HashMap<>();
        pushed.forEach(p -> expected.put(p.repository(), p.digest()));
        long deadline = System.nanoTime() + timeout.toNanos();
        String progress = "";
        while (System.nanoTime() < deadline) {
            Catalogue c = catalogue(api, expected);
            String now = "%d of %d repositories catalogued (both tags, scanned), %d scans failed; %d cycles; %s"
                    .formatted(
                            c.complete(),
                            expected.size(),
                            c.failed(),
                            watch.current().count(),
                            api.stats(REGISTRY));
            if (!now.equals(progress)) {
                say("  %s", now);
                progress = now;
            }
            if (c.complete() == expected.size()) {
                return;
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException(
                "the catalogue was not complete after " + timeout.toSeconds() + " s: " + progress);
    }

    private record Catalogue(int complete, int failed) {}

    private static Catalogue catalogue(CatapultClient api, Map<String, String> expected) throws Exception {
        int complete = 0;
        int failed = 0;
        String cursor = null;
        do {
            JsonNode page =
                    api.artifacts("limit=500" + (cursor == null ? "" : "&cursor=" + CatapultClient.encode(cursor)));
            for (JsonNode a : page.path("items")) {
                String repository = repositoryPath(a.path("repository").asString());
                List<String> tags = new ArrayList<>();
                a.path("tags").forEach(t -> tags.add(t.asString()));
                String status = a.path("scanStatus").asString();
                if ("failed".equals(status)) {
                    failed++;
                }
                if (a.path("digest").asString().equals(expected.get(repository))
                        && tags.containsAll(TAGS)
                        && "scanned".equals(status)) {
                    complete++;
                }
            }
            JsonNode next = page.path("nextCursor");
            cursor = next.isString() ? next.asString() : null;
        } while (cursor != null);
        return new Catalogue(complete, failed);
    }

    /** {@code bench/svc-0001} whether the API gives the path alone or with the registry host. */
    private static String repositoryPath(String repository) {
        int bench = repository.indexOf("bench/");
        return bench >= 0 ? repository.substring(bench) : repository;
    }

    /** After the re-push: each moved repository's {@code stable} must point at the new digest, scanned. */
    private static String checkMoved(CatapultClient api, List<RegistryPopulator.Pushed> moved) throws Exception {
        int ok = 0;
        List<String> wrong = new ArrayList<>();
        for (RegistryPopulator.Pushed p : moved) {
            JsonNode page = api.artifacts(
                    "tag=" + PINNED_TAG + "&limit=500&repository=" + CatapultClient.encode(p.repository()));
            boolean found = false;
            for (JsonNode a : page.path("items")) {
                if (a.path("digest").asString().equals(p.digest())
                        && "scanned".equals(a.path("scanStatus").asString())) {
                    found = true;
                }
            }
            if (found) {
                ok++;
            } else if (wrong.size() < 3) {
                wrong.add(p.repository() + " → "
                        + page.path("items")
                                .toString()
                                .substring(
                                        0,
                                        Math.min(
                                                300,
                                                page.path("items").toString().length())));
            }
        }
        return ok + " of " + moved.size() + " point `stable` at the new digest, scanned"
                + (wrong.isEmpty() ? "" : "; not: " + wrong);
    }

    private static void sayWindow(CycleWatch.Window w) {
        say(
                "cycle %-16s %d cycle(s), %.3f s (server timer), %.1f s wall; requests %s; registry saw %d (%d not 2xx)%s; log: %s; CPU server %.2f s, PostgreSQL %.2f s, registry %.2f s; WAL %d bytes",
                w.label(),
                w.cycles(),
                w.cycleSeconds(),
                w.wallSeconds(),
                w.requests(),
                w.served().total(),
                w.served().notOk(),
                w.served().samples().isEmpty() ? "" : " e.g. " + w.served().samples(),
                w.lines(),
                w.serverCpu(),
                w.postgresCpu(),
                w.registryCpu(),
                w.walBytes());
    }
}
