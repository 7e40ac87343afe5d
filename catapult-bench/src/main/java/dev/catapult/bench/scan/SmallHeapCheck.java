package dev.catapult.bench.scan;

import dev.catapult.artifact.LayerScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The blunt proof of constant memory: scan the same layer in a child JVM whose whole heap is capped far
 * below the layer's size. A scan that buffered anything in proportion to the layer would die of
 * OutOfMemoryError there.
 */
final class SmallHeapCheck {
    static final String FLAG = "--scan-only";

    /** Outcome of the child run. */
    record Result(String maxHeap, boolean passed, String detail, long millis) {}

    private SmallHeapCheck() {}

    static Result run(Path gzip, String maxHeap) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                java,
                "-Xmx" + maxHeap,
                "-XX:+ExitOnOutOfMemoryError",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                LayerScanBenchmark.class.getName(),
                FLAG,
                gzip.toString());
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        boolean exited = child.waitFor(10, TimeUnit.MINUTES);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!exited) {
            child.destroyForcibly();
            return new Result(maxHeap, false, "timed out", millis);
        }
        return new Result(maxHeap, child.exitValue() == 0, lastLine(output), millis);
    }

    /** The child's side: scan and print one line. */
    static void scanOnly(Path gzip) throws IOException {
        LayerScan scan = Throughput.scan(gzip, "application/vnd.oci.image.layer.v1.tar+gzip");
        System.out.println("scanned " + scan.entries() + " entries, " + scan.uncompressedBytes() + " bytes, "
                + scan.files().size() + " files extracted, truncated=" + scan.truncated());
    }

    private static String lastLine(String output) {
        int newline = output.lastIndexOf('\n');
        return newline < 0 ? output : output.substring(newline + 1);
    }
}
