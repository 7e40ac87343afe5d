package dev.catapult.bench.notify;

import dev.catapult.bench.BenchRun;
import dev.catapult.bench.MachineInfo;
import dev.catapult.bench.ServerObservations;
import dev.catapult.bench.notify.NotificationToDeployBenchmark.CpuSample;
import dev.catapult.bench.notify.NotificationToDeployBenchmark.DeployInfo;
import dev.catapult.bench.notify.NotificationToDeployBenchmark.Push;
import dev.catapult.bench.notify.NotificationToDeployBenchmark.Result;
import dev.catapult.bench.notify.NotificationToDeployBenchmark.Stages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Renders one run as the "Notification → deploy queued" section of docs/benchmarks.md. */
final class NotifyReport {
    static final double TARGET_P99_MS = 250;

    private final Builder b;

    private NotifyReport(Builder b) {
        this.b = b;
    }

    /** What the run collected, filled in as it goes. */
    static final class Builder {
        final NotifyOptions options;
        final MachineInfo machine;
        final ZonedDateTime startedAt;
        final String loadBefore;
        String loadAtStream = "unknown";
        String loadAfter = "unknown";
        String registryVersion = "unknown";
        Map<String, String> serverSettings = Map.of();
        String serverJar = "unknown";
        Duration startup = Duration.ZERO;
        Duration setup = Duration.ZERO;
        List<Push> warmupPushes = List.of();
        List<Result> warmup = List.of();
        List<Push> pushes = List.of();
        List<Result> results = List.of();
        Instant streamStart = Instant.now();
        Instant streamPushed = Instant.now();
        Instant streamSettled = Instant.now();

        @Nullable
        CpuSample cpu;

        StageProbe.@Nullable Counters postgres;
        List<DeployInfo> unmatched = List.of();

        @Nullable
        JsonNode registryRequests;

        HookProxy.@Nullable Totals proxy;
        long redeliveries;
        List<String> proxyProblems = List.of();
        Map<String, Long> eventKinds = Map.of();
        Map<String, String> jobCounts = Map.of();
        String stageNote = "";
        ServerObservations.@Nullable WindowGcPauses gc;
        ServerObservations.LogSummary log = new ServerObservations.LogSummary(0, 0, List.of());
        List<String> registryLog = List.of();
        Duration elapsed = Duration.ZERO;
        String command = "";

        Builder(NotifyOptions options, MachineInfo machine, ZonedDateTime startedAt, String loadBefore) {
            this.options = options;
            this.machine = machine;
            this.startedAt = startedAt;
            this.loadBefore = loadBefore;
        }

        NotifyReport build() {
            return new NotifyReport(this);
        }
    }

    /** One line: how many pushes led to exactly one auto deploy, and the latency percentiles. */
    static String outcome(List<Result> results) {
        long one = results.stream().filter(Result::exactlyOne).count();
        return String.format(
                Locale.ROOT,
                "%d of %d pushes led to exactly one auto deploy; forwarded → queued p50/p90/p99/max %s",
                one,
                results.size(),
                latency(results).cell());
    }

    private static Percentiles latency(List<Result> results) {
        return Percentiles.of(
                results.stream().flatMap(r -> r.latencyMs().stream()).toList());
    }

    private Percentiles latency() {
        return latency(b.results);
    }

    private long exactlyOne() {
        return b.results.stream().filter(Result::exactlyOne).count();
    }

    private long none() {
        return b.results.stream().filter(r -> r.deploys().isEmpty()).count();
    }

    private long several() {
        return b.results.stream().filter(r -> r.deploys().size() > 1).count();
    }

    private boolean latencyOk() {
        Percentiles p = latency();
        return p.count() == b.results.size() && p.p99() < TARGET_P99_MS;
    }

    private boolean deploysOk() {
        return exactlyOne() == b.results.size() && b.unmatched.isEmpty();
    }

    String summary() {
        Percentiles p = latency();
        return String.format(
                Locale.ROOT,
                "%d pushes at %.1f/s over %d apps: notification forwarded → deploy queued p50 %s, p90 %s, "
                        + "p99 %s (target < %.0f ms %s), max %s; %d of %d pushes led to exactly one auto deploy, %d to none, %d to more (%s)",
                b.results.size(),
                b.options.rate(),
                b.options.apps(),
                Percentiles.ms(p.p50()),
                Percentiles.ms(p.p90()),
                Percentiles.ms(p.p99()),
                TARGET_P99_MS,
                latencyOk() ? "met" : "MISSED",
                Percentiles.ms(p.max()),
                exactlyOne(),
                b.results.size(),
                none(),
                several(),
                deploysOk() ? "ok" : "NOT OK");
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        Percentiles p = latency();
        md.append("## Notification → deploy queued\n\n");
        md.append("_Written by `dev.catapult.bench.notify.NotificationToDeployBenchmark` on ")
                .append(b.startedAt
                        .withZoneSameInstant(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(" UTC (run took ")
                .append(b.elapsed.toSeconds())
                .append(" s); rerunning replaces this section._\n\n");
        md.append("Command (from the repository root):\n\n```sh\n")
                .append(b.command)
                .append("\n```\n\n");

        md.append(
                        "**What it measures.** The driver starts three things on 127.0.0.1: a small HTTP proxy of its own, Debian's ")
                .append(
                        "`docker-registry` (CNCF Distribution, filesystem storage in a temp folder) whose only notification endpoint is ")
                .append(
                        "that proxy, and a fresh server process (embedded PostgreSQL, data in a temp folder). The proxy forwards every ")
                .append(
                        "delivery unchanged to the server's `POST /hooks/registry/bench` (with the registry's bearer secret) and ")
                .append(
                        "records, for every tagged manifest push event, the instant it forwarded the delivery: that is \"notification ")
                .append("received\". The driver creates environment `prod` and ")
                .append(b.options.apps())
                .append(" apps, each watching its own repository `bench/notify-NNNN` with policy `semver`, ")
                .append(
                        "auto-deploy on and the `record` deployer; it warms up with one push of `1.0.0` per app, then pushes ")
                .append(b.options.pushes())
                .append(" new tags (`1.0.1`, `1.0.2`… round-robin over the apps, so one app gets a push every ")
                .append(fmt("%.0f", b.options.apps() / b.options.rate()))
                .append(" s) open loop at ")
                .append(fmt("%.1f", b.options.rate()))
                .append(" pushes/s from ")
                .append(b.options.pushers())
                .append(
                        " threads. Every push is a new image through the registry's HTTP API: a gzip layer of its own (one `package.json`), ")
                .append(
                        "a config with `org.opencontainers.image.revision` (40 hex), the OCI manifest under the tag. The server's chain per ")
                .append(
                        "push: intake archives the event and queues `resolve-tag` (one `HEAD`) → maps the tag and queues `scan-artifact` ")
                .append(
                        "(manifest, config, the new layer) → queues `evaluate-watch` → creates a release and a deploy with reason `auto`. ")
                .append(
                        "**Latency** = the deploy's `queued` time (its first `history` entry, the server's clock) − the proxy's forward ")
                .append(
                        "time (the driver's clock; same machine, same system clock). Percentiles are nearest-rank over the measured ")
                .append(
                        "pushes (warm-up excluded). Afterwards the driver reads every app's deploys and releases: each push must have led ")
                .append(
                        "to exactly one auto deploy of its digest, and no auto deploy may match no push. The stage times are read ")
                .append("from the server's database with `psql` after the stream.\n\n");

        md.append("**Machine.**\n\n| | |\n|---|---|\n");
        md.append("| CPUs (`nproc`) | ").append(b.machine.cpus()).append(" |\n");
        md.append("| CPU model | ").append(b.machine.cpuModel()).append(" |\n");
        md.append("| Memory | ").append(b.machine.memory()).append(" |\n");
        md.append("| OS | ").append(b.machine.os()).append(" |\n");
        md.append("| JDK (driver and server) | ").append(b.machine.jdk()).append(" |\n");
        md.append("| Registry | ")
                .append(b.registryVersion)
                .append(", filesystem storage, notifications: one endpoint (the proxy), `timeout: ")
                .append(BenchRun.ENDPOINT_TIMEOUT.toSeconds() + "s")
                .append("`, `threshold: ")
                .append(BenchRun.ENDPOINT_THRESHOLD)
                .append("`, `backoff: ")
                .append(BenchRun.ENDPOINT_BACKOFF.toSeconds() + "s")
                .append("`; every event is sent (pushes and pulls, the default) |\n");
        md.append("| PostgreSQL | embedded (the server's default: zonky binaries, data in the run's temp folder) |\n");
        md.append("| Server settings | ")
                .append(b.serverSettings.entrySet().stream()
                        .map(e -> "`" + e.getKey() + "=" + e.getValue() + "`")
                        .collect(Collectors.joining(", ")))
                .append("; registry `pollInterval: ")
                .append(b.options.pollInterval())
                .append("`; everything else default (database pool 16, watch sweep every 60 s) |\n");
        md.append("| Server build | ").append(b.serverJar).append(" |\n");
        md.append("| Server JVM options | `-Xlog:gc:file=…`")
                .append(
                        b.options.run().serverJvmOptions().isEmpty()
                                ? " only (defaults otherwise)"
                                : " "
                                        + b.options.run().serverJvmOptions().stream()
                                                .map(o -> "`" + o + "`")
                                                .collect(Collectors.joining(" ")))
                .append(" |\n");
        md.append("| Load average (1/5/15 min) before → at the stream → after | ")
                .append(b.loadBefore)
                .append(" → ")
                .append(b.loadAtStream)
                .append(" → ")
                .append(b.loadAfter)
                .append(" |\n");
        if (b.cpu != null) {
            md.append("| CPU time, stream start → last deploy | ")
                    .append(fmt("%.1f", b.cpu.wallSeconds()))
                    .append(" s wall on ")
                    .append(b.machine.cpus())
                    .append(" cores: server JVM ")
                    .append(fmt("%.1f", b.cpu.server()))
                    .append(", PostgreSQL ")
                    .append(fmt("%.1f", b.cpu.postgres()))
                    .append(", registry ")
                    .append(fmt("%.1f", b.cpu.registry()))
                    .append(", driver and proxy ")
                    .append(fmt("%.1f", b.cpu.driver()))
                    .append(", other processes ")
                    .append(fmt("%.1f", b.cpu.others()))
                    .append(" core-s (others: ")
                    .append(fmt("%.0f", 100 * b.cpu.others() / (cores() * b.cpu.wallSeconds())))
                    .append(" % of the machine) |\n");
        }
        if (!b.options.run().note().isBlank()) {
            md.append("| Note | ").append(b.options.run().note()).append(" |\n");
        }
        md.append('\n');
        if (noisy()) {
            md.append(
                            "⚠️ Noisy machine: the 1-minute load average was at or above the CPU count, or other processes took a ")
                    .append("noticeable share of the CPU during the stream; the tail figures carry that.\n\n");
        }

        md.append("**Setup.**\n\n| | |\n|---|---|\n");
        md.append("| Server ready after | ")
                .append(fmt("%.1f", b.startup.toMillis() / 1000.0))
                .append(" s |\n");
        md.append("| Registry, environment, ")
                .append(b.options.apps())
                .append(" apps and targets created in | ")
                .append(fmt("%.1f", b.setup.toMillis() / 1000.0))
                .append(" s |\n");
        md.append("| Warm-up | ")
                .append(b.warmup.size())
                .append(" pushes of `1.0.0` (one per app) at ")
                .append(fmt("%.1f", b.options.rate()))
                .append("/s; ")
                .append(b.warmup.stream().filter(Result::exactlyOne).count())
                .append(" led to exactly one auto deploy; latency p50 / p90 / p99 / max ")
                .append(latency(b.warmup).cell())
                .append(" (first deploys, cold JIT: not held against the target) |\n");
        double pushSeconds = NotificationToDeployBenchmark.millis(b.streamStart, b.streamPushed) / 1000;
        md.append("| Measured stream | ")
                .append(b.pushes.size())
                .append(" pushes in ")
                .append(fmt("%.1f", pushSeconds))
                .append(" s (")
                .append(fmt("%.2f", b.pushes.size() / pushSeconds))
                .append(" pushes/s achieved; schedule lag max ")
                .append(Percentiles.ms(
                        b.pushes.stream().mapToDouble(Push::lagMs).max().orElse(Double.NaN)))
                .append("); one push (5 registry requests) took p50 / p90 / p99 / max ")
                .append(Percentiles.of(b.pushes.stream()
                                .map(x -> NotificationToDeployBenchmark.millis(
                                        x.pushed().started(), x.pushed().done()))
                                .toList())
                        .cell())
                .append(" |\n\n");

        md.append("### Results\n\n| Metric | Measured | SPEC §11 target |\n|---|---|---|\n");
        md.append("| notification forwarded → deploy queued, p50 | ")
                .append(Percentiles.ms(p.p50()))
                .append(" | |\n");
        md.append("| p90 | ").append(Percentiles.ms(p.p90())).append(" | |\n");
        md.append("| p99 | ")
                .append(Percentiles.ms(p.p99()))
                .append(" | < ")
                .append(fmt("%.0f", TARGET_P99_MS))
                .append(" ms ")
                .append(latencyOk() ? "✅" : "❌")
                .append(" |\n");
        md.append("| max | ").append(Percentiles.ms(p.max())).append(" | |\n");
        md.append("| mean / min | ")
                .append(Percentiles.ms(p.mean()))
                .append(" / ")
                .append(Percentiles.ms(p.min()))
                .append(" | |\n");
        md.append("| pushes that led to exactly one auto deploy (of their own digest) | ")
                .append(exactlyOne())
                .append(" of ")
                .append(b.results.size())
                .append(" | all ")
                .append(exactlyOne() == b.results.size() ? "✅" : "❌")
                .append(" |\n");
        md.append("| pushes with no auto deploy / with more than one | ")
                .append(none())
                .append(" / ")
                .append(several())
                .append(" | 0 / 0 ")
                .append(none() == 0 && several() == 0 ? "✅" : "❌")
                .append(" |\n");
        md.append("| auto deploys of the apps matching no push (warm-up and stream, after a ")
                .append(b.options.graceSeconds())
                .append(" s grace period) | ")
                .append(b.unmatched.size())
                .append(" | 0 ")
                .append(b.unmatched.isEmpty() ? "✅" : "❌")
                .append(" |\n");
        double deploySeconds = b.results.stream()
                .flatMap(r -> r.deploys().stream())
                .map(DeployInfo::queuedAt)
                .max(Instant::compareTo)
                .map(last -> NotificationToDeployBenchmark.millis(b.streamStart, last) / 1000)
                .orElse(Double.NaN);
        md.append("| throughput | ")
                .append(b.results.stream().mapToLong(r -> r.deploys().size()).sum())
                .append(" auto deploys queued in ")
                .append(fmt("%.1f", deploySeconds))
                .append(" s from the first push (")
                .append(fmt("%.2f", b.results.size() / deploySeconds))
                .append(" per second; the offered load was ")
                .append(fmt("%.1f", b.options.rate()))
                .append(" pushes/s) | |\n\n");

        md.append(
                "Around the measured interval (context, not part of the target):\n\n| | p50 / p90 / p99 / max |\n|---|---|\n");
        md.append(
                        "| push done (manifest `PUT` answered) → notification forwarded: the registry's own notification queue ")
                .append("(negative: forwarded before the pusher had read the 201) | ")
                .append(stat(r -> r.forward()
                        .map(f -> NotificationToDeployBenchmark.millis(
                                r.push().pushed().done(), f.forwardedAt()))))
                .append(" |\n");
        md.append("| push done → deploy queued (what a user pushing an image waits for) | ")
                .append(stat(r -> r.forward().isPresent() && r.exactlyOne()
                        ? Optional.of(NotificationToDeployBenchmark.millis(
                                r.push().pushed().done(), r.deploys().getFirst().queuedAt()))
                        : Optional.empty()))
                .append(" |\n");
        md.append("| server's answer to the forwarded notification (hook round trip seen by the proxy) | ")
                .append(stat(r ->
                        r.forward().map(f -> NotificationToDeployBenchmark.millis(f.forwardedAt(), f.answeredAt()))))
                .append(" |\n\n");

        List<Result> staged =
                b.results.stream().filter(r -> r.stages().isPresent()).toList();
        md.append("### Where the time goes\n\n");
        if (staged.isEmpty()) {
            md.append("No stage breakdown: ")
                    .append(b.stageNote.isBlank() ? "no push could be matched to its jobs" : b.stageNote)
                    .append(".\n\n");
        } else {
            md.append(
                            "Each push's latency split into four stages that add up to it exactly, from the times the server wrote ")
                    .append(
                            "(`registry_events.received_at`, `jobs.created_at`; read with `psql` after the stream). A stage includes the job's ")
                    .append(
                            "wait for a worker: the jobs table keeps no claim time, so pickup and work cannot be told apart. ")
                    .append(staged.size())
                    .append(" of ")
                    .append(b.results.size())
                    .append(" pushes matched.\n\n");
            md.append(
                    "| Stage | from → to | p50 | p90 | p99 | max | share of the mean |\n|---|---|---|---|---|---|---|\n");
            double meanTotal = staged.stream()
                    .mapToDouble(r -> r.stages().get().total())
                    .average()
                    .orElse(Double.NaN);
            stageRow(
                    md,
                    staged,
                    "intake",
                    "forwarded → event archived (HTTP, secret check, archive insert + `resolve-tag` queued, commit)",
                    Stages::intake,
                    meanTotal);
            stageRow(
                    md,
                    staged,
                    "resolve",
                    "archived → `scan-artifact` queued (pickup, `HEAD`, tag mapped, commit)",
                    Stages::resolve,
                    meanTotal);
            stageRow(
                    md,
                    staged,
                    "scan",
                    "scan queued → `evaluate-watch` queued (pickup, manifest + config + layer fetched and stored)",
                    Stages::scan,
                    meanTotal);
            stageRow(
                    md,
                    staged,
                    "evaluate",
                    "evaluation queued → deploy queued (pickup, candidates, release + deploy created)",
                    Stages::evaluate,
                    meanTotal);
            md.append('\n');
            Map<String, Long> triggers = staged.stream()
                    .collect(Collectors.groupingBy(
                            r -> r.stages().get().trigger(), java.util.TreeMap::new, Collectors.counting()));
            md.append("Evaluations that created the measured deploys, by trigger: ")
                    .append(triggers.entrySet().stream()
                            .map(e -> "`" + e.getKey() + "` " + e.getValue())
                            .collect(Collectors.joining(", ")))
                    .append(".\n\n");
            md.append(
                    "The 5 slowest pushes:\n\n| Push | Latency | intake | resolve | scan | evaluate | evaluation trigger |\n|---|---|---|---|---|---|---|\n");
            staged.stream()
                    .sorted(Comparator.comparingDouble(
                                    (Result r) -> r.latencyMs().orElse(0.0))
                            .reversed())
                    .limit(5)
                    .forEach(r -> {
                        Stages s = r.stages().get();
                        md.append("| ")
                                .append(r.push().app())
                                .append(":")
                                .append(r.push().tag())
                                .append(" (#")
                                .append(r.push().index() + 1)
                                .append(") | ")
                                .append(Percentiles.ms(r.latencyMs().orElse(Double.NaN)))
                                .append(" | ")
                                .append(Percentiles.ms(s.intake()))
                                .append(" | ")
                                .append(Percentiles.ms(s.resolve()))
                                .append(" | ")
                                .append(Percentiles.ms(s.scan()))
                                .append(" | ")
                                .append(Percentiles.ms(s.evaluate()))
                                .append(" | `")
                                .append(s.trigger())
                                .append("` |\n");
                    });
            md.append('\n');
            md.append("Latency by tenth of the stream (p50 / p99 per ")
                    .append(b.results.size() / 10)
                    .append(" pushes), to show drift: ");
            List<String> slices = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                List<Result> slice = b.results.subList(i * b.results.size() / 10, (i + 1) * b.results.size() / 10);
                Percentiles sp = latency(slice);
                slices.add(Percentiles.ms(sp.p50()) + " / " + Percentiles.ms(sp.p99()));
            }
            md.append(String.join("; ", slices)).append(".\n\n");
        }

        md.append("### Server and registry behaviour during the run\n\n| | |\n|---|---|\n");
        if (b.proxy != null) {
            md.append("| Notification deliveries (registry → proxy → server) | ")
                    .append(b.proxy.deliveries())
                    .append(" deliveries, ")
                    .append(b.proxy.events())
                    .append(" events (up to ")
                    .append(b.proxy.maxEventsPerDelivery())
                    .append(" in one delivery), ")
                    .append(b.proxy.manifestPushes())
                    .append(" tagged manifest pushes; ")
                    .append(b.proxy.notOk())
                    .append(" answered other than 2xx, ")
                    .append(b.proxy.failed())
                    .append(" failed to forward, ")
                    .append(b.redeliveries)
                    .append(" redelivered; mean server answer ")
                    .append(Percentiles.ms(b.proxy.meanForwardMs()))
                    .append(", longest ")
                    .append(Percentiles.ms(b.proxy.maxForwardMs()))
                    .append(" |\n");
            md.append("| Events by action and media type | ")
                    .append(b.eventKinds.entrySet().stream()
                            .map(e -> "`" + e.getKey() + "` " + e.getValue())
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        b.jobCounts.forEach((k, v) ->
                md.append("| jobs: ").append(k).append(" | ").append(v).append(" |\n"));
        if (b.registryRequests != null) {
            JsonNode s = b.registryRequests;
            md.append("| Requests the server sent to the registry (whole run, `GET /api/v1/registries/bench/stats`) | ")
                    .append(s.path("headManifest").asLong())
                    .append(" `HEAD` manifest, ")
                    .append(s.path("getManifest").asLong())
                    .append(" `GET` manifest, ")
                    .append(s.path("blob").asLong())
                    .append(" blob, ")
                    .append(s.path("tagList").asLong())
                    .append(" tag list, ")
                    .append(s.path("catalog").asLong())
                    .append(" catalog, ")
                    .append(s.path("token").asLong())
                    .append(" token (")
                    .append(s.path("total").asLong())
                    .append("); pushes: ")
                    .append(b.warmup.size() + b.results.size())
                    .append(
                            " — one push needs 1 `HEAD` + 1 `GET` manifest + 2 blobs; polls add a tag list per repository |\n");
        }
        if (b.postgres != null) {
            double n = b.results.size();
            md.append(
                            "| PostgreSQL, stream start → last deploy (`pg_stat_database`, `pg_stat_wal`; includes the driver's settle reads) | ")
                    .append(b.postgres.commits())
                    .append(" commits (")
                    .append(fmt("%.1f", b.postgres.commits() / n))
                    .append(" per push), ")
                    .append(b.postgres.walRecords())
                    .append(" WAL records, ")
                    .append(b.postgres.walSyncs())
                    .append(" WAL fsyncs (")
                    .append(fmt("%.1f", b.postgres.walSyncs() / n))
                    .append(" per push) |\n");
        }
        if (b.gc != null) {
            md.append("| Server GC (`-Xlog:gc`) | ").append(b.gc).append(" |\n");
        }
        md.append("| Server log | ")
                .append(b.log.warnings())
                .append(" WARN, ")
                .append(b.log.errors())
                .append(" ERROR lines over the whole run |\n");
        if (!b.proxyProblems.isEmpty()) {
            md.append("| Proxy saw | ")
                    .append(b.proxyProblems.stream()
                            .limit(3)
                            .map(x -> "`" + x.replace("|", "\\|") + "`")
                            .collect(Collectors.joining("; ")))
                    .append(" |\n");
        }
        if (!b.unmatched.isEmpty()) {
            md.append("| Auto deploys matching no push | ")
                    .append(b.unmatched.stream()
                            .limit(5)
                            .map(d -> d.app() + " v" + d.version() + " " + d.tag() + " " + d.digest())
                            .collect(Collectors.joining("; ")))
                    .append(" |\n");
        }
        md.append('\n');
        if (!b.log.firstLines().isEmpty()) {
            md.append("First WARN/ERROR lines of the server log:\n\n```text\n")
                    .append(String.join("\n", b.log.firstLines()))
                    .append("\n```\n\n");
        }
        if (!b.registryLog.isEmpty()) {
            md.append("Registry log lines about notifications:\n\n```text\n")
                    .append(b.registryLog.stream()
                            .map(l -> l.length() > 240 ? l.substring(0, 240) + "…" : l)
                            .collect(Collectors.joining("\n")))
                    .append("\n```\n\n");
        }
        return md.toString();
    }

    private String stat(java.util.function.Function<Result, Optional<Double>> f) {
        return Percentiles.of(
                        b.results.stream().flatMap(r -> f.apply(r).stream()).toList())
                .cell();
    }

    private static void stageRow(
            StringBuilder md,
            List<Result> staged,
            String name,
            String what,
            ToDoubleFunction<Stages> f,
            double meanTotal) {
        Percentiles p = Percentiles.of(
                staged.stream().map(r -> f.applyAsDouble(r.stages().get())).toList());
        md.append("| ")
                .append(name)
                .append(" | ")
                .append(what)
                .append(" | ")
                .append(Percentiles.ms(p.p50()))
                .append(" | ")
                .append(Percentiles.ms(p.p90()))
                .append(" | ")
                .append(Percentiles.ms(p.p99()))
                .append(" | ")
                .append(Percentiles.ms(p.max()))
                .append(" | ")
                .append(fmt("%.0f", 100 * p.mean() / meanTotal))
                .append(" % |\n");
    }

    private int cores() {
        try {
            return Integer.parseInt(b.machine.cpus().strip());
        } catch (NumberFormatException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    private boolean noisy() {
        double load = Double.NaN;
        try {
            load = Double.parseDouble(b.loadAtStream.split(" / ")[0]);
        } catch (RuntimeException e) {
            // unknown
        }
        boolean busy = b.cpu != null && b.cpu.others() / (cores() * b.cpu.wallSeconds()) > 0.10;
        return load >= cores() || busy;
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
