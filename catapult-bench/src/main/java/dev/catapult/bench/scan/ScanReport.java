package dev.catapult.bench.scan;

import dev.catapult.artifact.LayerScan;
import dev.catapult.bench.MachineInfo;
import dev.catapult.bench.scan.Throughput.Reader;
import dev.catapult.bench.scan.Throughput.Run;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The "Layer scanning" section of docs/benchmarks.md, and a one-paragraph summary for the console. */
final class ScanReport {
    static final double TARGET_RATIO = 0.8;
    static final long TARGET_HEAP_BYTES = 64L << 20;

    /** Everything measured. */
    record Figures(
            Map<Reader, List<Run>> runs,
            HeapWatch.Growth growth,
            long allocatedBytes,
            LayerScan scan,
            SmallHeapCheck.Result smallHeap,
            Duration generation,
            long gzipBytes,
            long zstdBytes,
            List<String> jvmArgs) {

        double median(Reader reader) {
            List<Double> speeds = Objects.requireNonNull(runs.get(reader)).stream()
                    .map(Run::mbPerSecond)
                    .sorted()
                    .toList();
            int n = speeds.size();
            return n % 2 == 1 ? speeds.get(n / 2) : (speeds.get(n / 2 - 1) + speeds.get(n / 2)) / 2;
        }

        double gzipRatio() {
            return median(Reader.SCAN_GZIP) / median(Reader.JDK_GUNZIP);
        }

        boolean hasZstd() {
            return runs.containsKey(Reader.ZSTD_RAW);
        }
    }

    private ScanReport() {}

    static String summary(Figures f) {
        return "gzip: raw %.0f MB/s, scan %.0f MB/s, ratio %.2f (target >= %.2f); live heap growth %s (target < %s); -Xmx%s child: %s"
                .formatted(
                        f.median(Reader.JDK_GUNZIP),
                        f.median(Reader.SCAN_GZIP),
                        f.gzipRatio(),
                        TARGET_RATIO,
                        mib(f.growth().liveGrowthBytes()),
                        mib(TARGET_HEAP_BYTES),
                        f.smallHeap().maxHeap(),
                        f.smallHeap().passed() ? "passed" : "FAILED");
    }

    static String markdown(
            LayerScanBenchmark.Options options,
            SyntheticLayer.Written layer,
            Figures f,
            MachineInfo machine,
            String loadBefore,
            String loadAfter,
            Instant started,
            Duration took) {
        StringBuilder md = new StringBuilder();
        md.append("## Layer scanning\n\n");
        md.append(
                "_Written by `dev.catapult.bench.scan.LayerScanBenchmark` on %s UTC (run took %d s); rerunning replaces this section._\n\n"
                        .formatted(
                                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                                        .format(started.atOffset(ZoneOffset.UTC)),
                                took.toSeconds()));
        md.append("Command (from the repository root):\n\n```sh\n")
                .append(options.invokedAs())
                .append("\n```\n\n");
        md.append("""
        **What it measures.** The driver writes a synthetic application layer to a temp file (deleted at the end): \
        a tree of many small files and a long tail of large ones, mixing text (compresses 3-4×), incompressible \
        binaries and structured binaries (zero runs, text and noise), with files of interest scattered through it \
        (some under `usr/`, which the default rules skip), symlinks and whiteouts; gzip level 6 as Docker and \
        BuildKit write it, zstd level 3. All readers run in one JVM on the same file, which stays in the page \
        cache: one untimed warm-up each, then rounds that alternate them so drift hits all alike. Throughput is \
        uncompressed tar bytes per second of wall time (MB = 10^6 bytes); the figure held against the target is \
        the median run. The raw readers decompress into a 64 KiB discard buffer; `LayerScanner.scan` does the \
        whole job with the default rules (tar parsing, path checks, glob matching, SHA-256 and copies of the \
        files of interest).

        """);
        appendMachine(md, machine, f, loadBefore, loadAfter);
        appendLayer(md, options, layer, f);
        appendThroughput(md, f);
        appendHeap(md, f);
        return md.toString();
    }

    private static void appendMachine(StringBuilder md, MachineInfo machine, Figures f, String before, String after) {
        md.append("**Machine.**\n\n| | |\n|---|---|\n");
        md.append("| CPUs (`nproc`) | ").append(machine.cpus()).append(" |\n");
        md.append("| CPU model | ").append(machine.cpuModel()).append(" |\n");
        md.append("| Memory | ").append(machine.memory()).append(" |\n");
        md.append("| OS | ").append(machine.os()).append(" |\n");
        md.append("| JDK | ").append(machine.jdk()).append(" |\n");
        md.append("| JVM options | `").append(String.join(" ", f.jvmArgs())).append("` |\n");
        md.append("| Load average (1/5/15 min) before → after | ")
                .append(before)
                .append(" → ")
                .append(after)
                .append(" |\n\n");
        if (busy(before, machine.cpus()) || busy(after, machine.cpus())) {
            md.append(
                    "⚠️ Noisy machine: the 1-minute load average was at or above the CPU count, so other processes took CPU "
                            + "from some runs; the spread between runs shows how much. The medians are still held against the targets.\n\n");
        }
    }

    private static void appendLayer(
            StringBuilder md, LayerScanBenchmark.Options options, SyntheticLayer.Written layer, Figures f) {
        LayerScan scan = f.scan();
        md.append("**Layer.**\n\n| | |\n|---|---|\n");
        md.append("| Uncompressed tar | %s (%,d bytes) |\n".formatted(mib(layer.tarBytes()), layer.tarBytes()));
        md.append("| gzip blob | %s (%.0f %% of the tar) |\n"
                .formatted(mib(f.gzipBytes()), 100.0 * f.gzipBytes() / layer.tarBytes()));
        if (f.zstdBytes() >= 0) {
            md.append("| zstd blob | %s (%.0f %% of the tar) |\n"
                    .formatted(mib(f.zstdBytes()), 100.0 * f.zstdBytes() / layer.tarBytes()));
        }
        md.append("| Entries | %,d (%,d files of interest outside `usr/`, %,d under it) |\n"
                .formatted(layer.entries(), layer.filesOfInterest(), layer.interestingUnderUsr()));
        md.append(
                "| Scan result | %,d entries, %d files extracted, %d skipped, %d rejected, %d whiteouts, truncated: %s |\n"
                        .formatted(
                                scan.entries(),
                                scan.files().size(),
                                scan.skipped().size(),
                                scan.rejections().size(),
                                scan.whiteouts().size(),
                                scan.truncated()));
        md.append("| Generation time | %d s (gzip%s written in one pass) |\n\n"
                .formatted(f.generation().toSeconds(), options.zstd() ? " and zstd" : ""));
    }

    private static void appendThroughput(StringBuilder md, Figures f) {
        md.append("### Throughput\n\n| Reader | Runs (MB/s) | Median (MB/s) |\n|---|---|---|\n");
        for (Map.Entry<Reader, List<Run>> entry : f.runs().entrySet()) {
            String runs = entry.getValue().stream()
                    .map(r -> "%.1f".formatted(r.mbPerSecond()))
                    .collect(Collectors.joining(" / "));
            md.append("| %s | %s | %.1f |\n".formatted(entry.getKey().label, runs, f.median(entry.getKey())));
        }
        md.append("\n| Check | Measured | SPEC §11 target |\n|---|---|---|\n");
        md.append("| scan ÷ JDK raw gunzip (medians) | %.2f | ≥ %.2f %s |\n"
                .formatted(f.gzipRatio(), TARGET_RATIO, f.gzipRatio() >= TARGET_RATIO ? "✅" : "❌"));
        if (f.hasZstd()) {
            md.append("| scan ÷ raw zstd (medians, no target) | %.2f | |\n"
                    .formatted(f.median(Reader.SCAN_ZSTD) / f.median(Reader.ZSTD_RAW)));
        }
        md.append("| commons-compress gunzip ÷ JDK gunzip (why the scanner uses the JDK's) | %.2f | |\n\n"
                .formatted(f.median(Reader.COMMONS_GUNZIP) / f.median(Reader.JDK_GUNZIP)));
    }

    private static void appendHeap(StringBuilder md, Figures f) {
        HeapWatch.Growth g = f.growth();
        SmallHeapCheck.Result small = f.smallHeap();
        md.append("### Memory during one gzip scan\n\n| Check | Measured | SPEC §11 target |\n|---|---|---|\n");
        md.append(
                "| peak live heap growth (max heap used after a GC during the scan − after a full GC before it; %d GCs, forced every 100 ms) | %s | < %s %s |\n"
                        .formatted(
                                g.collections(),
                                mib(g.liveGrowthBytes()),
                                mib(TARGET_HEAP_BYTES),
                                g.liveGrowthBytes() < TARGET_HEAP_BYTES ? "✅" : "❌"));
        md.append("| the same scan in a child JVM with `-Xmx%s` (whole heap) | %s in %.1f s: %s | completes %s |\n"
                .formatted(
                        small.maxHeap(),
                        small.passed() ? "completed" : "failed",
                        small.millis() / 1000.0,
                        small.detail().replace("|", "\\|"),
                        small.passed() ? "✅" : "❌"));
        md.append(
                "| sum of heap pools' peak usage − baseline (upper bound: counts uncollected garbage, i.e. young-generation sizing) | %s | |\n"
                        .formatted(mib(g.poolPeakGrowthBytes())));
        md.append(
                "| bytes allocated by the scanning thread (garbage, not retained; nearly all of it commons-io skip buffers that commons-compress allocates per tar entry, per JFR) | %s (%.2f bytes per tar byte) | |\n\n"
                        .formatted(
                                mib(f.allocatedBytes()),
                                (double) f.allocatedBytes()
                                        / Math.max(1, f.scan().uncompressedBytes())));
        md.append("Heap baseline after a full GC before the scan: %s.\n".formatted(mib(g.baselineBytes())));
    }

    private static boolean busy(String loadAverage, String cpus) {
        try {
            return Double.parseDouble(loadAverage.split(" ")[0]) >= Double.parseDouble(cpus);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String mib(long bytes) {
        return "%.1f MiB".formatted(bytes / 1024.0 / 1024.0);
    }
}
