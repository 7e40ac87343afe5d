package dev.catapult.artifact.scan;

import dev.catapult.artifact.FileRules;
import dev.catapult.artifact.LayerScan;
import dev.catapult.artifact.scan.GuardedTarInputStream.OversizedHeaderException;
import dev.catapult.artifact.scan.HeaderBudget.HeaderTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Scans one image layer blob for files of interest, streaming: the layer is never buffered and nothing is
 * written to disk, so memory stays constant whatever the layer's size (the extracted files themselves are
 * bounded by {@link FileRules#maxExtractedBytes()}). Hostile entries are refused or neutralised and recorded
 * in {@link LayerScan#rejections()}; they never fail the scan. A stream that is not a readable tar (corrupt
 * compression, garbage, a tar cut short) fails with an {@link IOException} saying where.
 *
 * <p>Reading stops at the tar's end-of-archive marker or at the per-layer cap: a caller that verifies the
 * blob's digest while streaming drains the rest of the blob itself. The blob stream is not closed.
 *
 * <p>An instance holds no state: one instance serves concurrent scans.
 */
public final class LayerScanner {

    /**
     * @param layerBlob the layer as stored in the registry (compressed or not)
     * @param mediaType the layer descriptor's media type; the blob's magic bytes win when they disagree
     */
    public LayerScan scan(InputStream layerBlob, String mediaType, FileRules rules) throws IOException {
        ScanRecord record = new ScanRecord();
        DecompressedLayer layer;
        try {
            layer = DecompressedLayer.open(layerBlob, mediaType);
        } catch (IOException e) {
            throw new IOException("layer cannot be decompressed: " + e.getMessage(), e);
        }
        layer.note().ifPresent(record::note);
        try (GuardedTarInputStream tar = GuardedTarInputStream.over(layer.tar())) {
            read(tar, rules, record);
            return record.toScan(tar.bytesRead());
        }
    }

    private static void read(GuardedTarInputStream tar, FileRules rules, ScanRecord record) throws IOException {
        EntryTriage triage = new EntryTriage(rules, record);
        byte[] scratch = new byte[DecompressedLayer.BUFFER_BYTES];
        boolean dropNext = false;
        while (true) {
            TarArchiveEntry entry;
            try {
                entry = tar.nextEntry();
            } catch (OversizedHeaderException e) {
                record.reject(String.valueOf(tar.getCurrentEntry().getName()), e.getMessage() + "; not read");
                if (overCap(tar, tar.getCurrentEntry(), rules, record)) {
                    return;
                }
                tar.drain(scratch);
                dropNext |= e.describesNextEntry();
                continue;
            } catch (HeaderTooLargeException e) {
                record.reject("(headers at uncompressed byte " + tar.bytesRead() + ")", e.getMessage());
                record.truncate("stopped at " + tar.bytesRead() + " bytes: " + e.getMessage());
                return;
            } catch (IOException | RuntimeException e) {
                throw unreadable(tar, e);
            }
            if (entry == null) {
                return;
            }
            record.entry();
            if (overCap(tar, entry, rules, record)) {
                return;
            }
            try {
                if (dropNext) {
                    dropNext = false;
                    record.reject(
                            entry.getName(), "described by a refused header: its real name and attributes are unknown");
                } else {
                    triage.handle(entry, tar);
                }
                tar.drain(scratch);
            } catch (IOException | RuntimeException e) {
                throw unreadable(tar, e);
            }
        }
    }

    /** Whether reading this entry's data would pass the per-layer cap; if so the scan stops before it. */
    private static boolean overCap(
            GuardedTarInputStream tar, TarArchiveEntry entry, FileRules rules, ScanRecord record) {
        long end = tar.bytesRead() + entry.getSize();
        if (end <= rules.maxLayerBytes()) {
            return false;
        }
        record.truncate("stopped at the per-layer cap of " + Sizes.format(rules.maxLayerBytes()) + " after "
                + tar.bytesRead() + " uncompressed bytes, before '" + EntryNames.printable(entry.getName()) + "' ("
                + entry.getSize() + " bytes)");
        return true;
    }

    private static IOException unreadable(GuardedTarInputStream tar, Exception cause) {
        return new IOException(
                "layer is not a readable tar stream at uncompressed byte " + tar.bytesRead() + ": "
                        + cause.getMessage(),
                cause);
    }
}
