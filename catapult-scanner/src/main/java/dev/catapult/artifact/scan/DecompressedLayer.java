package dev.catapult.artifact.scan;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A layer blob opened as its uncompressed tar stream. The bytes decide the decompressor: registries and
 * build tools do mislabel layers, and reading zstd as gzip would only fail. A mismatch with the media type
 * is kept as a note.
 *
 * <p>gzip goes through the JDK's {@link GZIPInputStream} (zlib via JNI, concatenated members included);
 * zstd through zstd-jni, whose default window limit (128 MiB, native memory) refuses frames that ask for
 * more. Closing this stream releases the native decompressor but leaves the caller's blob stream open.
 */
record DecompressedLayer(InputStream tar, Compression compression, Optional<String> note) {
    static final int BUFFER_BYTES = 64 * 1024;

    static DecompressedLayer open(InputStream blob, String mediaType) throws IOException {
        PushbackInputStream source = new PushbackInputStream(new KeepOpen(blob), 4);
        byte[] head = source.readNBytes(4);
        source.unread(head);
        Compression actual = Compression.sniff(head, head.length);
        Optional<Compression> claimed = Compression.claimedBy(mediaType);
        Optional<String> note = claimed.filter(c -> c != actual)
                .map(c -> "media type " + mediaType + " says " + c.label() + " but the bytes are " + actual.label()
                        + "; read as " + actual.label());
        InputStream decompressed = switch (actual) {
            case GZIP -> new GZIPInputStream(source, BUFFER_BYTES);
            case ZSTD -> new ZstdInputStreamNoFinalizer(new BufferedInputStream(source, BUFFER_BYTES));
            case NONE -> source;
        };
        // The tar reader asks for 512-byte headers: a buffer keeps those from becoming one native call each.
        return new DecompressedLayer(new BufferedInputStream(decompressed, BUFFER_BYTES), actual, note);
    }

    /** The blob belongs to the caller, who may still drain it to verify its digest. */
    private static final class KeepOpen extends FilterInputStream {
        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
