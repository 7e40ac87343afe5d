package dev.catapult.bench.scan;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.catapult.artifact.FileRules;
import dev.catapult.artifact.LayerScan;
import dev.catapult.artifact.scan.LayerScanner;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** The timed readers: raw decompression into a discard buffer, and a full scan, of the same file. */
final class Throughput {
    static final int BUFFER = 64 * 1024;

    /** One timed read: uncompressed bytes and wall time. */
    record Run(long bytes, long nanos) {
        double mbPerSecond() {
            return bytes / 1e6 / (nanos / 1e9);
        }
    }

    /** What is timed; each reads the whole file. */
    enum Reader {
        JDK_GUNZIP("JDK GZIPInputStream, raw"),
        COMMONS_GUNZIP("commons-compress GzipCompressorInputStream, raw"),
        SCAN_GZIP("LayerScanner.scan, gzip"),
        ZSTD_RAW("zstd-jni ZstdInputStream, raw"),
        SCAN_ZSTD("LayerScanner.scan, zstd");

        final String label;

        Reader(String label) {
            this.label = label;
        }
    }

    private Throughput() {}

    static Run time(Reader reader, Path file) throws IOException {
        long start = System.nanoTime();
        long bytes = switch (reader) {
            case JDK_GUNZIP -> discard(new GZIPInputStream(Files.newInputStream(file), BUFFER));
            case COMMONS_GUNZIP ->
                discard(new GzipCompressorInputStream(
                        new BufferedInputStream(Files.newInputStream(file), BUFFER), true));
            case ZSTD_RAW ->
                discard(new ZstdInputStreamNoFinalizer(new BufferedInputStream(Files.newInputStream(file), BUFFER)));
            case SCAN_GZIP ->
                scan(file, "application/vnd.oci.image.layer.v1.tar+gzip").uncompressedBytes();
            case SCAN_ZSTD ->
                scan(file, "application/vnd.oci.image.layer.v1.tar+zstd").uncompressedBytes();
        };
        return new Run(bytes, System.nanoTime() - start);
    }

    static LayerScan scan(Path file, String mediaType) throws IOException {
        // The blob stream as the registry client hands it over: unbuffered, the scanner buffers what it needs.
        try (InputStream blob = Files.newInputStream(file)) {
            return new LayerScanner().scan(blob, mediaType, FileRules.defaults());
        }
    }

    private static long discard(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
        }
        return total;
    }
}
