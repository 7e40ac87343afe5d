package dev.catapult.artifact.scan;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds layer blobs in memory with commons-compress's tar writer, then compresses them like a registry would. */
final class TestLayer {
    static final String GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    static final String ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";
    static final String TAR = "application/vnd.oci.image.layer.v1.tar";
    static final String DOCKER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar;

    private TestLayer(String encoding, int longFileMode) {
        tar = new TarArchiveOutputStream(bytes, encoding);
        tar.setLongFileMode(longFileMode);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    /** UTF-8 names, long names as PAX headers (what Docker and BuildKit write). */
    static TestLayer tar() {
        return new TestLayer("UTF-8", TarArchiveOutputStream.LONGFILE_POSIX);
    }

    static TestLayer tar(String encoding, int longFileMode) {
        return new TestLayer(encoding, longFileMode);
    }

    TestLayer file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    TestLayer file(String name, byte[] content) {
        return entry(new TarArchiveEntry(name, true), content, e -> {});
    }

    TestLayer directory(String name) {
        return entry(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true), new byte[0], e -> {});
    }

    TestLayer symlink(String name, String target) {
        return entry(new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true), new byte[0], e -> e.setLinkName(target));
    }

    TestLayer hardlink(String name, String target) {
        return entry(new TarArchiveEntry(name, TarConstants.LF_LINK, true), new byte[0], e -> e.setLinkName(target));
    }

    TestLayer special(String name, byte type) {
        return entry(new TarArchiveEntry(name, type, true), new byte[0], e -> {});
    }

    /** A file entry preceded by a PAX header carrying one extra record (a huge {@code comment}, say). */
    TestLayer fileWithPax(String name, String key, String value, String content) {
        return entry(
                new TarArchiveEntry(name, true),
                content.getBytes(StandardCharsets.UTF_8),
                e -> e.addPaxHeader(key, value));
    }

    /** A raw special entry of any type and content, e.g. GNU long name records in a row. */
    TestLayer raw(String name, byte type, byte[] content) {
        return entry(new TarArchiveEntry(name, type, true), content, e -> {});
    }

    private TestLayer entry(TarArchiveEntry entry, byte[] content, Consumer<TarArchiveEntry> customise) {
        try {
            entry.setSize(content.length);
            customise.accept(entry);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One ustar file entry with a name of raw bytes, written by hand: commons-compress's writer adds a PAX
     * header (with a proper UTF-8 name) whenever a name is not plain ASCII, so it cannot write the bytes a
     * careless or hostile tool would.
     */
    static byte[] rawUstarFile(byte[] name, byte[] content) {
        byte[] header = new byte[512];
        System.arraycopy(name, 0, header, 0, Math.min(100, name.length));
        ascii(header, 100, "0000644");
        ascii(header, 108, "0000000");
        ascii(header, 116, "0000000");
        ascii(header, 124, "%011o".formatted(content.length));
        ascii(header, 136, "00000000000");
        header[156] = TarConstants.LF_NORMAL;
        ascii(header, 257, "ustar\0" + "00");
        Arrays.fill(header, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        ascii(header, 148, "%06o\0".formatted(sum));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(content);
        out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        return out.toByteArray();
    }

    private static void ascii(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    byte[] plain() {
        try {
            tar.finish();
            tar.close();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] gzip() {
        return gzip(plain());
    }

    byte[] zstd() {
        return zstd(plain());
    }

    static byte[] gzip(byte[] plain) {
        return compress(plain, GZIPOutputStream::new);
    }

    static byte[] zstd(byte[] plain) {
        return compress(plain, ZstdOutputStream::new);
    }

    private interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] compress(byte[] plain, Compressor compressor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream compressed = compressor.wrap(out)) {
            compressed.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
