package dev.catapult.bench;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders one run as the "Release creation (HTTP)" section of docs/benchmarks.md. */
record ReleaseCreationReport(
        BenchOptions options,
        MachineInfo machine,
        ZonedDateTime startedAt,
        Duration elapsed,
        String loadBefore,
        String loadAfter,
        String cpuUse,
        Duration serverStartup,
        LoadRun.Result warmup,
        List<Scenario> scenarios,
        ConcurrentCreators.Result creators,
        ServerObservations.GcPauses gc,
        ServerObservations.LogSummary log,
        String command) {

    static final double TARGET_P50_MS = 10;
    static final double TARGET_P99_MS = 50;

    /** A measured scenario with its read-back check and the server's own mean for the same requests. */
    record Scenario(LoadRun.Result result, LedgerReadBack.Verdict ledger, double serverMeanMs) {}

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## Release creation (HTTP)\n\n");
        md.append("_Written by `dev.catapult.bench.ReleaseCreationBenchmark` on ")
                .append(startedAt
                        .withZoneSameInstant(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(" (run took ")
                .append(elapsed.toSeconds())
                .append(" s); rerunning replaces this section._\n\n");
        md.append("Command (from the repository root):\n\n```sh\n")
                .append(command)
                .append("\n```\n\n");
        md.append("""
        **What it measures.** The driver starts a fresh server process (`java -jar catapult-server.jar`, \
        bound to 127.0.0.1, new data directory in a temp folder), creates one app per scenario (so versions \
        start at 1), warms the server up, then times `POST /api/v1/apps/{app}/releases` over HTTP/1.1 \
        keep-alive connections. Every body is realistic — a digest-pinned image, a ~1 KiB changelog and \
        10 commit shas — and every request carries its own `Idempotency-Key`. Latency is what the client \
        sees: `System.nanoTime()` around sending the request and reading the whole response; percentiles \
        are nearest-rank over all requests of the scenario. Load is closed-loop (each client sends its next \
        request when the previous one answered), so with N clients latency ≈ N / throughput; the single-client \
        figures are the ones to hold against the SPEC §11 latency target. The driver runs on the same \
        machine and takes CPU from the server. After each scenario the ledger is read back and must hold \
        exactly versions 1..n.

        """);
        appendMachine(md);
        md.append("Warm-up: ")
                .append(warmup.total())
                .append(" requests (half with 1 client, half with 16), ")
                .append(warmup.errors())
                .append(" errors. Server ready after ")
                .append(String.format(Locale.ROOT, "%.1f s", serverStartup.toMillis() / 1000.0))
                .append(".\n\n");
        for (Scenario s : scenarios) {
            appendScenario(md, s);
        }
        appendCreators(md);
        appendLog(md);
        return md.toString();
    }

    private void appendMachine(StringBuilder md) {
        md.append("**Machine.**\n\n| | |\n|---|---|\n");
        MarkdownSections.row(md, "CPUs (`nproc`)", machine.cpus());
        MarkdownSections.row(md, "CPU model", machine.cpuModel());
        MarkdownSections.row(md, "Memory", machine.memory());
        MarkdownSections.row(md, "OS", machine.os());
        MarkdownSections.row(md, "JDK (driver and server)", machine.jdk());
        MarkdownSections.row(
                md,
                "PostgreSQL",
                options.externalDatabase()
                        ? "external, " + options.databaseUrl().replaceAll("\\?.*", "")
                        : "embedded (the server's default: zonky binaries, data in the run's temp folder)");
        MarkdownSections.row(
                md,
                "Server JVM options",
                "`-Xlog:gc:file=…`"
                        + (options.run().serverJvmOptions().isEmpty()
                                ? " only (defaults otherwise)"
                                : " `" + String.join(" ", options.run().serverJvmOptions()) + "`"));
        MarkdownSections.row(md, "Load average (1/5/15 min) before → after", loadBefore + " → " + loadAfter);
        MarkdownSections.row(md, "CPU time from warm-up to the end", cpuUse);
        if (!options.run().note().isBlank()) {
            MarkdownSections.row(md, "Note", options.run().note());
        }
        md.append('\n');
    }

    private static void appendScenario(StringBuilder md, Scenario s) {
        LoadRun.Result r = s.result();
        LatencyStats l = r.stats();
        md.append("### ")
                .append(r.clients())
                .append(r.clients() == 1 ? " client" : " concurrent clients")
                .append(", ")
                .append(r.total())
                .append(" requests\n\n");
        md.append("| Metric | Measured | SPEC §11 target |\n|---|---|---|\n");
        md.append("| p50 | ")
                .append(ms(l.p50()))
                .append(" | < 10 ms ")
                .append(verdict(l.p50() < TARGET_P50_MS, r.clients()))
                .append(" |\n");
        md.append("| p90 | ").append(ms(l.p90())).append(" | |\n");
        md.append("| p99 | ")
                .append(ms(l.p99()))
                .append(" | < 50 ms ")
                .append(verdict(l.p99() < TARGET_P99_MS, r.clients()))
                .append(" |\n");
        md.append("| max | ").append(ms(l.max())).append(" | |\n");
        md.append("| mean (client) / mean (server timer) | ")
                .append(ms(l.mean()))
                .append(" / ")
                .append(Double.isNaN(s.serverMeanMs()) ? "n/a" : ms(s.serverMeanMs()))
                .append(" | |\n");
        md.append("| throughput | ")
                .append(String.format(Locale.ROOT, "%.0f req/s", r.throughput()))
                .append(" | |\n");
        md.append("| errors | ")
                .append(r.errors())
                .append(" of ")
                .append(r.total())
                .append(" (responses: ")
                .append(outcomes(r))
                .append(")")
                .append(r.replays() > 0 ? ", " + r.replays() + " unexpected replays" : "")
                .append(" | 0 ")
                .append(r.errors() == 0 ? "✅" : "❌")
                .append(" |\n");
        md.append("| ledger read back | ")
                .append(s.ledger().detail())
                .append(" | gapless ")
                .append(s.ledger().ok() ? "✅" : "❌")
                .append(" |\n\n");
        appendSamples(md, r.errorSamples());
    }

    private void appendCreators(StringBuilder md) {
        ConcurrentCreators.Result c = creators;
        md.append("### SPEC I1: ").append(c.creators()).append(" concurrent creators on one app\n\n");
        md.append("All creators hold a serialised body and pass a barrier together, one release each.\n\n");
        md.append("| Check | Measured | Target |\n|---|---|---|\n");
        md.append("| errors | ")
                .append(c.errors())
                .append(" | 0 ")
                .append(c.errors() == 0 ? "✅" : "❌")
                .append(" |\n");
        md.append("| versions handed out | ")
                .append(
                        c.handedOutGapless()
                                ? "exactly 1.." + c.creators()
                                : c.handedOut().stream()
                                        .sorted()
                                        .map(String::valueOf)
                                        .collect(Collectors.joining(",")))
                .append(" | 1..")
                .append(c.creators())
                .append(" ")
                .append(c.handedOutGapless() ? "✅" : "❌")
                .append(" |\n");
        md.append("| ledger read back | ")
                .append(c.readBack().detail())
                .append(" | gapless ")
                .append(c.readBack().ok() ? "✅" : "❌")
                .append(" |\n");
        md.append("| latency p50 / max (burst of ")
                .append(c.creators())
                .append(") | ")
                .append(ms(c.latency().p50()))
                .append(" / ")
                .append(ms(c.latency().max()))
                .append(" | |\n\n");
        appendSamples(md, c.errorSamples());
    }

    private void appendLog(StringBuilder md) {
        md.append("Server GC (`-Xlog:gc`, start-up included): ").append(gc).append(".\n\n");
        md.append("Server log over the whole run: ")
                .append(log.warnings())
                .append(" WARN and ")
                .append(log.errors())
                .append(" ERROR lines")
                .append(
                        log.firstLines().isEmpty()
                                ? ".\n"
                                : "; the first ones:\n\n```text\n" + String.join("\n", log.firstLines()) + "\n```\n");
    }

    private static void appendSamples(StringBuilder md, List<String> samples) {
        if (!samples.isEmpty()) {
            md.append("First errors:\n\n```text\n")
                    .append(String.join("\n", samples))
                    .append("\n```\n\n");
        }
    }

    private static String outcomes(LoadRun.Result r) {
        return r.outcomes().entrySet().stream()
                .map(e -> e.getValue() + "× " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    /** The latency targets are stated for a warm API; under N-client closed-loop load they are context. */
    private static String verdict(boolean met, int clients) {
        return (met ? "✅" : "❌") + (clients == 1 ? "" : " (context: queueing at " + clients + " clients)");
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : "%.1f ms", millis);
    }
}
