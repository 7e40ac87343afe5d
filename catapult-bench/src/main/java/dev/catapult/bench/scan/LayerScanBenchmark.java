package dev.catapult.bench.scan;

import com.sun.management.ThreadMXBean;
import dev.catapult.artifact.LayerScan;
import dev.catapult.bench.MachineInfo;
import dev.catapult.bench.MarkdownSections;
import dev.catapult.bench.scan.Throughput.Reader;
import dev.catapult.bench.scan.Throughput.Run;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * SPEC §11 layer scanning: scan throughput against the JDK's raw gunzip on the same layer (target ≥ 80 %),
 * and heap growth during a scan (target < 64 MiB). Generates its layer into a temp file, deletes it at the
 * end, and writes the "Layer scanning" section of docs/benchmarks.md. Run it with bench/run-scan-bench.sh.
 */
public final class LayerScanBenchmark {
    private LayerScanBenchmark() {}

    /** Command-line options. */
    record Options(
            long sizeMiB, int runs, Path output, String invokedAs, Path directory, boolean zstd, String smallHeap) {
        static Options parse(String[] args) {
            long size = 1024;
            int runs = 3;
            Path output = Path.of("docs/benchmarks.md");
            String invokedAs =
                    "java -cp catapult-bench/target/catapult-bench.jar " + LayerScanBenchmark.class.getName();
            Path directory = Path.of(System.getProperty("java.io.tmpdir"));
            boolean zstd = true;
            String smallHeap = "32m";
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--size-mib" -> size = Long.parseLong(args[++i]);
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--output" -> output = Path.of(args[++i]);
                    case "--invoked-as" -> invokedAs = args[++i];
                    case "--dir" -> directory = Path.of(args[++i]);
                    case "--no-zstd" -> zstd = false;
                    case "--small-heap" -> smallHeap = args[++i];
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
                }
            }
            if (size < 512) {
                throw new IllegalArgumentException(
                        "--size-mib must be at least 512 (the figures are about large layers)");
            }
            return new Options(size, runs, output, invokedAs, directory, zstd, smallHeap);
        }
    }

    static final String USAGE = """
      LayerScanBenchmark [--size-mib N (1024)] [--runs N (3)] [--output docs/benchmarks.md] [--dir TMPDIR]
                         [--no-zstd] [--small-heap 32m] [--invoked-as 'command shown in the report']""";

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals(SmallHeapCheck.FLAG)) {
            SmallHeapCheck.scanOnly(Path.of(args[1]));
            return;
        }
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        Options options = Options.parse(args);
        Instant started = Instant.now();
        String loadBefore = MachineInfo.loadAverage();
        System.out.printf("Generating a %d MiB layer in %s …%n", options.sizeMiB(), options.directory());
        long generating = System.nanoTime();
        SyntheticLayer.Written layer =
                SyntheticLayer.write(options.directory(), options.sizeMiB() << 20, options.zstd());
        Duration generation = Duration.ofNanos(System.nanoTime() - generating);
        try {
            ScanReport.Figures figures = measure(options, layer, generation);
            String markdown = ScanReport.markdown(
                    options,
                    layer,
                    figures,
                    MachineInfo.read(),
                    loadBefore,
                    MachineInfo.loadAverage(),
                    started,
                    Duration.between(started, Instant.now()));
            MarkdownSections.replace(options.output(), "layer-scanning", markdown);
            System.out.println(ScanReport.summary(figures));
            System.out.println("Wrote the layer-scanning section of " + options.output());
        } finally {
            Files.deleteIfExists(layer.gzip());
            if (layer.zstd() != null) {
                Files.deleteIfExists(layer.zstd());
            }
        }
    }

    private static ScanReport.Figures measure(Options options, SyntheticLayer.Written layer, Duration generation)
            throws Exception {
        Map<Reader, List<Run>> runs = new EnumMap<>(Reader.class);
        List<Reader> gzipRound = List.of(Reader.JDK_GUNZIP, Reader.SCAN_GZIP, Reader.COMMONS_GUNZIP);
        rounds(options.runs(), gzipRound, layer.gzip(), runs);
        if (layer.zstd() != null) {
            rounds(options.runs(), List.of(Reader.ZSTD_RAW, Reader.SCAN_ZSTD), layer.zstd(), runs);
        }
        System.out.println("Heap growth during one scan …");
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        HeapWatch.Growth growth;
        LayerScan scan;
        long allocated;
        try (HeapWatch watch = new HeapWatch().start()) {
            long before = threads.getCurrentThreadAllocatedBytes();
            scan = Throughput.scan(layer.gzip(), "application/vnd.oci.image.layer.v1.tar+gzip");
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
            growth = watch.growth();
        }
        System.out.println("Scan in a child JVM with -Xmx" + options.smallHeap() + " …");
        SmallHeapCheck.Result small = SmallHeapCheck.run(layer.gzip(), options.smallHeap());
        return new ScanReport.Figures(
                runs,
                growth,
                allocated,
                scan,
                small,
                generation,
                Files.size(layer.gzip()),
                layer.zstd() == null ? -1 : Files.size(layer.zstd()),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** One untimed warm-up of each reader, then {@code count} rounds alternating them, so drift hits all alike. */
    private static void rounds(int count, List<Reader> readers, Path file, Map<Reader, List<Run>> runs)
            throws Exception {
        for (Reader reader : readers) {
            Run warm = Throughput.time(reader, file);
            System.out.printf("  warm-up %-48s %8.1f MB/s%n", reader.label, warm.mbPerSecond());
        }
        for (int round = 1; round <= count; round++) {
            for (Reader reader : readers) {
                Run run = Throughput.time(reader, file);
                runs.computeIfAbsent(reader, r -> new ArrayList<>()).add(run);
                System.out.printf("  run %d   %-48s %8.1f MB/s%n", round, reader.label, run.mbPerSecond());
            }
        }
    }
}
