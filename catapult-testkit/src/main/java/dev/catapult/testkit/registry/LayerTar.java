package dev.catapult.testkit.registry;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.jspecify.annotations.Nullable;

/**
 * An image layer built in memory, entry by entry and byte for byte as written: paths are kept verbatim
 * (absolute and {@code ../} ones included) so hostile layers can be built as easily as ordinary ones.
 * Entries are written in call order with a fixed timestamp, so the same calls give the same digest.
 *
 * <pre>{@code
 * LayerTar.Layer layer = LayerTar.create()
 *     .file("app/package.json", "{\"name\":\"demo\"}")
 *     .whiteout("app/old.txt").opaque("var/cache")
 *     .symlink("app/current", "/app").file("../escape", "x")
 *     .build(LayerTar.Compression.GZIP);
 * }</pre>
 */
public final class LayerTar {
    /** The entries' mtime. */
    public static final Instant MTIME = Instant.parse("2024-01-01T00:00:00Z");

    /** How the tar is compressed, with the OCI media type that says so. */
    public enum Compression {
        NONE("application/vnd.oci.image.layer.v1.tar"),
        GZIP("application/vnd.oci.image.layer.v1.tar+gzip"),
        ZSTD("application/vnd.oci.image.layer.v1.tar+zstd");

        private final String mediaType;

        Compression(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    /**
     * A finished layer.
     *
     * @param bytes the blob as pushed (compressed)
     * @param digest the blob's {@code sha256:…}
     * @param diffId the uncompressed tar's {@code sha256:…} (for the config's {@code rootfs.diff_ids})
     */
    public record Layer(byte[] bytes, String mediaType, String digest, String diffId) {}

    private final List<Consumer<TarArchiveOutputStream>> entries = new ArrayList<>();

    private LayerTar() {}

    public static LayerTar create() {
        return new LayerTar();
    }

    public LayerTar file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public LayerTar file(String path, byte[] content) {
        return file(path, content, 0644);
    }

    public LayerTar file(String path, byte[] content, int mode) {
        return add(
                entry(path, TarConstants.LF_NORMAL, e -> {
                    e.setMode(0100000 | mode);
                    e.setSize(content.length);
                }),
                content);
    }

    public LayerTar directory(String path) {
        String name = path.endsWith("/") ? path : path + "/";
        return add(entry(name, TarConstants.LF_DIR, e -> e.setMode(040755)), null);
    }

    public LayerTar symlink(String path, String target) {
        return link(path, TarConstants.LF_SYMLINK, target, 0120777);
    }

    /** A hard link: {@code path} is another name for the earlier entry {@code target}. */
    public LayerTar hardlink(String path, String target) {
        return link(path, TarConstants.LF_LINK, target, 0100644);
    }

    private LayerTar link(String path, byte type, String target, int mode) {
        return add(
                entry(path, type, e -> {
                    e.setLinkName(target);
                    e.setMode(mode);
                }),
                null);
    }

    /** Deletes {@code path} from the layers below: an empty {@code .wh.<name>} file beside it. */
    public LayerTar whiteout(String path) {
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash + 1);
        return file(dir + ".wh." + path.substring(slash + 1), new byte[0]);
    }

    /** Hides everything the layers below have in {@code directory}: {@code <directory>/.wh..wh..opq}. */
    public LayerTar opaque(String directory) {
        String dir = directory.endsWith("/") ? directory : directory + "/";
        return file(dir + ".wh..wh..opq", new byte[0]);
    }

    public LayerTar charDevice(String path, int major, int minor) {
        return add(entry(path, TarConstants.LF_CHR, e -> device(e, 020666, major, minor)), null);
    }

    public LayerTar blockDevice(String path, int major, int minor) {
        return add(entry(path, TarConstants.LF_BLK, e -> device(e, 060660, major, minor)), null);
    }

    public LayerTar fifo(String path) {
        return add(entry(path, TarConstants.LF_FIFO, e -> e.setMode(010644)), null);
    }

    /** A file carrying an extra PAX header record, e.g. {@code SCHILY.xattr.user.note}. */
    public LayerTar paxHeader(String path, String key, String value, byte[] content) {
        return add(
                entry(path, TarConstants.LF_NORMAL, e -> {
                    e.setMode(0100644);
                    e.setSize(content.length);
                    e.addPaxHeader(key, value);
                }),
                content);
    }

    /** A file whose PAX header holds a {@code bytes}-long value: parsers must cap what they buffer. */
    public LayerTar hugePaxHeader(String path, int bytes) {
        return paxHeader(path, "SCHILY.xattr.user.huge", "x".repeat(bytes), new byte[0]);
    }

    /** The uncompressed tar. */
    public byte[] tar() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            entries.forEach(e -> e.accept(tar));
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public Layer build(Compression compression) {
        byte[] tar = tar();
        byte[] blob = switch (compression) {
            case NONE -> tar;
            case GZIP -> gzip(tar);
            case ZSTD -> Zstd.compress(tar, 3);
        };
        return new Layer(blob, compression.mediaType(), sha256(blob), sha256(tar));
    }

    /** {@code sha256:<hex>} of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void device(TarArchiveEntry e, int mode, int major, int minor) {
        e.setMode(mode);
        e.setDevMajor(major);
        e.setDevMinor(minor);
    }

    private static TarArchiveEntry entry(String path, byte type, Consumer<TarArchiveEntry> shape) {
        TarArchiveEntry entry = new TarArchiveEntry(path, type, true); // true: keep absolute paths as written
        entry.setModTime(MTIME.toEpochMilli());
        entry.setIds(0, 0);
        entry.setNames("root", "root");
        shape.accept(entry);
        return entry;
    }

    private LayerTar add(TarArchiveEntry entry, byte @Nullable [] content) {
        entries.add(tar -> {
            try {
                tar.putArchiveEntry(entry);
                if (content != null) {
                    tar.write(content);
                }
                tar.closeArchiveEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return this;
    }
}
