package dev.catapult.bench.poll;

import dev.catapult.bench.BenchRun;
import dev.catapult.bench.CatapultClient;
import dev.catapult.bench.MachineInfo;
import dev.catapult.bench.MarkdownSections;
import dev.catapult.bench.ServerObservations;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders one run as the "Registry polling" section of docs/benchmarks.md. */
final class PollReport {
    static final double TARGET_SECONDS = 10;

    private final Builder b;

    private PollReport(Builder b) {
        this.b = b;
    }

    /** What the run collected, filled in as it goes. */
    static final class Builder {
        final PollOptions options;
        final MachineInfo machine;
        final ZonedDateTime startedAt;
        final String loadBefore;
        String loadAfter = "unknown";
        String registryVersion = "unknown";
        Duration populate = Duration.ZERO;
        String verified = "";
        Map<String, String> serverSettings = Map.of();
        Duration startup = Duration.ZERO;
        Duration setup = Duration.ZERO;
        Duration discovery = Duration.ZERO;
        long discoveryCycles;
        List<PollObservations.CycleLine> discoveryLines = List.of();
        String serverJar = "unknown";
        CatapultClient.Stats discoveryRequests = CatapultClient.Stats.ZERO;
        final List<CycleWatch.Window> warmup = new ArrayList<>();
        final List<CycleWatch.Window> idle = new ArrayList<>();
        Duration repush = Duration.ZERO;
        Duration repushAfterCycleEnd = Duration.ZERO;
        boolean repushOverlapped;
        final List<CycleWatch.Window> repushWindows = new ArrayList<>();
        String repushCheck = "";
        CatapultClient.Stats finalRequests = CatapultClient.Stats.ZERO;
        ServerObservations.LogSummary log = new ServerObservations.LogSummary(0, 0, List.of());
        Duration elapsed = Duration.ZERO;
        String command = "";

        Builder(PollOptions options, MachineInfo machine, ZonedDateTime startedAt, String loadBefore) {
            this.options = options;
            this.machine = machine;
            this.startedAt = startedAt;
            this.loadBefore = loadBefore;
        }

        PollReport build() {
            return new PollReport(this);
        }
    }

    private long repositories() {
        return b.options.repositories();
    }

    /** One pinned tag per repository: each app has one target pinned to {@code stable}. */
    private long pinnedTags() {
        return b.options.repositories();
    }

    private double maxSeconds() {
        return b.idle.stream()
                .mapToDouble(w -> w.cycleSeconds() / Math.max(1, w.cycles()))
                .max()
                .orElse(Double.NaN);
    }

    private double medianSeconds() {
        List<Double> s = b.idle.stream()
                .map(w -> w.cycleSeconds() / Math.max(1, w.cycles()))
                .sorted()
                .toList();
        int n = s.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private boolean oneCycleEach() {
        return b.idle.stream().allMatch(w -> w.cycles() == 1);
    }

    private boolean headsOk() {
        return oneCycleEach() && b.idle.stream().allMatch(w -> w.requests().headManifest() == pinnedTags());
    }

    private boolean tagListsOk() {
        return oneCycleEach() && b.idle.stream().allMatch(w -> w.requests().tagList() == repositories());
    }

    private boolean nothingElse() {
        return b.idle.stream().allMatch(w -> w.requests().other() == 0);
    }

    private boolean registryAgrees() {
        return b.idle.stream().allMatch(w -> w.served().total() == w.requests().total());
    }

    private boolean durationOk() {
        return maxSeconds() < TARGET_SECONDS;
    }

    String summary() {
        return String.format(
                Locale.ROOT,
                "%d idle cycles over %d repositories: max %.2f s, median %.2f s (target < %.0f s %s); "
                        + "HEAD/cycle %s, tag lists/cycle %s, other requests %s (targets %s)",
                b.idle.size(),
                repositories(),
                maxSeconds(),
                medianSeconds(),
                TARGET_SECONDS,
                durationOk() ? "met" : "MISSED",
                range(b.idle.stream().map(w -> w.requests().headManifest()).toList()),
                range(b.idle.stream().map(w -> w.requests().tagList()).toList()),
                b.idle.stream().mapToLong(w -> w.requests().other()).sum(),
                headsOk() && tagListsOk() && nothingElse() ? "met" : "MISSED");
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## Registry polling\n\n");
        md.append("_Written by `dev.catapult.bench.poll.PollCycleBenchmark` on ")
                .append(b.startedAt
                        .withZoneSameInstant(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(" (run took ")
                .append(b.elapsed.toSeconds())
                .append(" s); rerunning replaces this section._\n\n");
        md.append("Command (from the repository root):\n\n```sh\n")
                .append(b.command)
                .append("\n```\n\n");
        md.append("""
        **What it measures.** The driver starts Debian's `docker-registry` (CNCF Distribution) on 127.0.0.1 with \
        filesystem storage in a temp folder and pushes, through the registry's HTTP API, %,d repositories \
        `bench/svc-0000`… each holding one small OCI image (its own config blob, a shared gzip layer with a \
        `package.json`) under the tags `1.0.0` and `stable`. It then starts a fresh server process (embedded \
        PostgreSQL, data in a temp folder), creates one app per repository and one target per app pinned to \
        `stable` (policy `pinned`, auto-deploy off), and only then adds the registry, so its first cycle already \
        sees every watched repository. The first cycles catalogue everything: a resolve job per unknown tag, a \
        scan per new artifact. When every repository's artifact is in the catalogue with both tags and scanned \
        (read from `GET /api/v1/artifacts`), the driver lets %d more cycle(s) pass as warm-up and measures %d \
        idle cycles. A cycle has ended when the server's `catapult_registry_poll_seconds_count` goes up; there \
        the driver reads the server's request counters (`GET /api/v1/registries/bench/stats`), the registry's \
        access log and CPU times. Each row covers one cycle **and the idle gap before it** (end of one cycle to \
        the end of the next), so anything the server sends between cycles is counted too. Duration is the \
        server's own timer (sum delta); request counts are the server's counters, checked against what the \
        registry logged. CPU columns are CPU seconds per row of the server JVM (which also answers the driver's \
        `/metrics` reads, every 200 ms), its PostgreSQL and the registry; WAL is how far PostgreSQL's \
        `pg_current_wal_lsn()` moved (read with `psql`). Finally the driver pushes a new build under `stable` in %d repositories right after a \
        cycle ended and measures the following cycles until one is idle again.

        """.formatted(repositories(), Math.max(0, b.warmup.size()), b.idle.size(), b.options.moved()));
        appendMachine(md);
        appendSetup(md);
        appendIdle(md);
        appendRepush(md);
        appendLog(md);
        return md.toString();
    }

    private void appendMachine(StringBuilder md) {
        md.append("**Machine.**\n\n| | |\n|---|---|\n");
        MarkdownSections.row(md, "CPUs (`nproc`)", b.machine.cpus());
        MarkdownSections.row(md, "CPU model", b.machine.cpuModel());
        MarkdownSections.row(md, "Memory", b.machine.memory());
        MarkdownSections.row(md, "OS", b.machine.os());
        MarkdownSections.row(md, "JDK (driver and server)", b.machine.jdk());
        MarkdownSections.row(
                md,
                "Registry",
                b.registryVersion.replaceFirst("^\\S*/", "") + ", filesystem storage, on the same machine");
        MarkdownSections.row(
                md, "PostgreSQL", "embedded (the server's default: zonky binaries, data in the run's temp folder)");
        String settings = b.serverSettings.entrySet().stream()
                .map(e -> "`" + e.getKey() + "=" + e.getValue() + "`")
                .collect(Collectors.joining(", "));
        MarkdownSections.row(
                md,
                "Server settings",
                settings
                        + (b.serverSettings.containsKey("CATAPULT_DATABASE_POOL_SIZE")
                                ? ""
                                : ", database pool: default (16)")
                        + "; registry `pollInterval: " + b.options.pollInterval() + "`, `maxConcurrency: "
                        + (b.options.maxConcurrency() > 0 ? b.options.maxConcurrency() : "8 (default)") + "`");
        MarkdownSections.row(md, "Server build", b.serverJar);
        MarkdownSections.row(
                md,
                "Server JVM options",
                "`-Xlog:gc:file=…`"
                        + (b.options.run().serverJvmOptions().isEmpty()
                                ? " only (defaults otherwise)"
                                : " `" + String.join(" ", b.options.run().serverJvmOptions()) + "`"));
        MarkdownSections.row(md, "Load average (1/5/15 min) before → after", b.loadBefore + " → " + b.loadAfter);
        if (!b.options.run().note().isBlank()) {
            MarkdownSections.row(md, "Note", b.options.run().note());
        }
        md.append('\n');
        if (busy(b.loadBefore) || busy(b.loadAfter)) {
            md.append(
                    "⚠️ Noisy machine: the 1-minute load average was at or above the CPU count, so other processes took CPU "
                            + "from some cycles.\n\n");
        }
    }

    private void appendSetup(StringBuilder md) {
        md.append("**Setup.**\n\n| | |\n|---|---|\n");
        MarkdownSections.row(
                md,
                "Registry content",
                String.format(
                        Locale.ROOT,
                        "%,d repositories × tags `1.0.0` and `stable` (same manifest), "
                                + "pushed in %.1f s with %d in parallel; %s",
                        repositories(),
                        BenchRun.seconds(b.populate),
                        b.options.parallelism(),
                        b.verified));
        MarkdownSections.row(
                md,
                "Apps and targets",
                String.format(
                        Locale.ROOT,
                        "%,d apps, %,d targets pinned to `stable` (auto-deploy off), "
                                + "created in %.1f s with %d in parallel; server ready after %.1f s",
                        repositories(),
                        pinnedTags(),
                        BenchRun.seconds(b.setup),
                        b.options.parallelism(),
                        BenchRun.seconds(b.startup)));
        MarkdownSections.row(
                md,
                "Discovery (registry added → catalogue complete)",
                String.format(
                        Locale.ROOT,
                        "%.1f s, %d cycles; requests: %s",
                        BenchRun.seconds(b.discovery),
                        b.discoveryCycles,
                        stats(b.discoveryRequests)));
        List<String> first = new ArrayList<>();
        for (int i = 0; i < b.discoveryLines.size(); i++) {
            first.add("cycle " + (i + 1) + ": " + b.discoveryLines.get(i));
        }
        MarkdownSections.row(
                md, "Discovery cycles (server log)", first.isEmpty() ? "(not found)" : String.join("; ", first));
        md.append('\n');
    }

    private void appendIdle(StringBuilder md) {
        md.append("### Idle cycles\n\n");
        header(md);
        for (CycleWatch.Window w : b.warmup) {
            windowRow(md, "_" + w.label() + "_", w);
        }
        for (CycleWatch.Window w : b.idle) {
            windowRow(md, w.label(), w);
        }
        md.append('\n');
        md.append("| Check (every measured cycle) | Measured | SPEC §11 target |\n|---|---|---|\n");
        md.append(String.format(
                Locale.ROOT,
                "| cycle duration (server timer), max of %d (median) | %.2f s (%.2f s) | < %.0f s %s |\n",
                b.idle.size(),
                maxSeconds(),
                medianSeconds(),
                TARGET_SECONDS,
                mark(durationOk())));
        md.append(String.format(
                Locale.ROOT,
                "| `HEAD` manifest per cycle | %s | ≤ 1 per watched tag: %,d pinned tags %s |\n",
                range(b.idle.stream().map(w -> w.requests().headManifest()).toList()),
                pinnedTags(),
                mark(headsOk())));
        md.append(String.format(
                Locale.ROOT,
                "| tag-list pages per cycle | %s | 1 per repository: %,d %s |\n",
                range(b.idle.stream().map(w -> w.requests().tagList()).toList()),
                repositories(),
                mark(tagListsOk())));
        md.append(String.format(
                Locale.ROOT,
                "| any other request (GET manifest, blob, catalog, token), in or between cycles | %d | 0 %s |\n",
                b.idle.stream().mapToLong(w -> w.requests().other()).sum(),
                mark(nothingElse())));
        md.append(String.format(
                Locale.ROOT,
                "| registry's access log = server's counters, every window | %s | (cross-check) %s |\n\n",
                registryAgrees()
                        ? "yes"
                        : "no: "
                                + b.idle.stream()
                                        .map(w -> w.served().total() + " vs "
                                                + w.requests().total())
                                        .collect(Collectors.joining(", ")),
                mark(registryAgrees())));
        List<Long> wal = b.idle.stream().map(CycleWatch.Window::walBytes).toList();
        if (wal.stream().allMatch(v -> v >= 0)) {
            List<Long> sorted = wal.stream().sorted().toList();
            long median = sorted.get(sorted.size() / 2);
            md.append(String.format(
                    Locale.ROOT,
                    "PostgreSQL WAL written per idle cycle (nothing changed in the registry): median %s "
                            + "(≈ %.0f bytes per pinned tag), range %s–%s (a checkpoint's full-page images land in some row). No §11 "
                            + "target; an idle cycle that only reads would write none.\n\n",
                    kib(median),
                    (double) median / pinnedTags(),
                    kib(sorted.getFirst()),
                    kib(sorted.getLast())));
        }
        if (!oneCycleEach()) {
            md.append(
                    "⚠️ Some windows spanned more than one cycle (a cycle end was missed); their counts are per window.\n\n");
        }
    }

    private void appendRepush(StringBuilder md) {
        if (b.repushWindows.isEmpty()) {
            return;
        }
        int moved = b.options.moved();
        md.append(String.format(Locale.ROOT, "### After re-pushing `stable` in %d repositories\n\n", moved));
        md.append(String.format(
                Locale.ROOT,
                "A new build (new layer, new config, so a new manifest digest) was pushed under "
                        + "`stable` in %d repositories, in %.2f s, starting right after a cycle ended (push done %.2f s after that "
                        + "cycle's end; %s). Rows cover cycle ends as above; _beyond idle_ is what exceeds one `HEAD` per pinned tag "
                        + "and one tag list per repository per cycle.\n\n",
                moved,
                BenchRun.seconds(b.repush),
                BenchRun.seconds(b.repushAfterCycleEnd),
                b.repushOverlapped ? "⚠️ a cycle ended during the push" : "before the next cycle started"));
        header(md);
        CatapultClient.Stats extra = CatapultClient.Stats.ZERO;
        for (CycleWatch.Window w : b.repushWindows) {
            windowRow(md, w.label(), w);
            CatapultClient.Stats beyond = w.beyond(repositories(), pinnedTags());
            extra = new CatapultClient.Stats(
                    extra.headManifest() + beyond.headManifest(),
                    extra.getManifest() + beyond.getManifest(),
                    extra.tagList() + beyond.tagList(),
                    extra.catalog() + beyond.catalog(),
                    extra.blob() + beyond.blob(),
                    extra.token() + beyond.token(),
                    extra.total() + beyond.total());
        }
        md.append(String.format(
                Locale.ROOT,
                "| **beyond idle, all rows** | | | %d | %d | %d | %d | %d | %d | **%d** | | | |\n\n",
                extra.headManifest(),
                extra.tagList(),
                extra.getManifest(),
                extra.blob(),
                extra.catalog(),
                extra.token(),
                extra.total()));
        long served =
                b.repushWindows.stream().mapToLong(w -> w.served().total()).sum();
        long counted =
                b.repushWindows.stream().mapToLong(w -> w.requests().total()).sum();
        boolean rowsDiffer = b.repushWindows.stream()
                .anyMatch(w -> w.served().total() != w.requests().total());
        md.append(String.format(
                Locale.ROOT,
                "Over these rows the registry logged %,d requests and the server counted %,d%s.\n\n",
                served,
                counted,
                served != counted
                        ? " ⚠️ (they disagree)"
                        : rowsDiffer
                                ? " (single rows differ: the driver reads the counters and the access log a moment apart, and scans were running then; the totals agree)"
                                : ""));
        md.append(String.format(
                Locale.ROOT,
                "Expected beyond idle: the cycle's own `HEAD` of each moved tag sees the new digest "
                        + "(no extra request), and one scan per new artifact fetches its manifest, its config blob and its new layer: "
                        + "%d `GET` manifest + %d blob = %d requests. Catalogue afterwards: %s.\n\n",
                moved,
                2 * moved,
                3 * moved,
                b.repushCheck));
    }

    private void appendLog(StringBuilder md) {
        md.append(String.format(
                Locale.ROOT,
                "Requests the server sent to the registry over the whole run: %s.\n\n",
                stats(b.finalRequests)));
        md.append("Server log over the whole run: ")
                .append(b.log.warnings())
                .append(" WARN and ")
                .append(b.log.errors())
                .append(" ERROR lines")
                .append(
                        b.log.firstLines().isEmpty()
                                ? ".\n"
                                : "; the first ones:\n\n```text\n" + String.join("\n", b.log.firstLines()) + "\n```\n");
    }

    private static void header(StringBuilder md) {
        md.append(
                "| Cycle | Duration (server timer) | Server log line | `HEAD` manifest | tag list | `GET` manifest | blob | catalog "
                        + "| token | total (server) | registry access log (not 2xx) | CPU s: server / PostgreSQL / registry | PostgreSQL WAL written |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    }

    private static void windowRow(StringBuilder md, String label, CycleWatch.Window w) {
        CatapultClient.Stats r = w.requests();
        String duration = w.cycles() == 1
                ? String.format(Locale.ROOT, "%.2f s", w.cycleSeconds())
                : String.format(Locale.ROOT, "%.2f s over %d cycles", w.cycleSeconds(), w.cycles());
        String lines = w.lines().isEmpty()
                ? "(not found)"
                : w.lines().stream().map(Object::toString).collect(Collectors.joining("; "));
        md.append(String.format(
                Locale.ROOT,
                "| %s | %s | %s | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d (%d) | %.2f / %.2f / %.2f | %s |\n",
                label,
                duration,
                lines,
                r.headManifest(),
                r.tagList(),
                r.getManifest(),
                r.blob(),
                r.catalog(),
                r.token(),
                r.total(),
                w.served().total(),
                w.served().notOk(),
                w.serverCpu(),
                w.postgresCpu(),
                w.registryCpu(),
                kib(w.walBytes())));
    }

    private static String stats(CatapultClient.Stats s) {
        return String.format(
                Locale.ROOT,
                "%,d `HEAD` manifest, %,d tag list, %,d `GET` manifest, %,d blob, %,d catalog, %,d token "
                        + "(%,d in all)",
                s.headManifest(),
                s.tagList(),
                s.getManifest(),
                s.blob(),
                s.catalog(),
                s.token(),
                s.total());
    }

    private static String kib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    private static String range(List<Long> values) {
        if (values.isEmpty()) {
            return "none";
        }
        long min = values.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = values.stream().mapToLong(Long::longValue).max().orElseThrow();
        return min == max ? String.format(Locale.ROOT, "%,d", min) : String.format(Locale.ROOT, "%,d–%,d", min, max);
    }

    private static String mark(boolean ok) {
        return ok ? "✅" : "❌";
    }

    private boolean busy(String loadAverage) {
        try {
            return Double.parseDouble(loadAverage.split(" ")[0]) >= Double.parseDouble(b.machine.cpus());
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
