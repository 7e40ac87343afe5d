package dev.catapult.artifact.scan;

import java.util.Locale;
import java.util.Optional;

/** How a layer blob is compressed, as its media type claims and as its first bytes show. */
enum Compression {
    GZIP("gzip"),
    ZSTD("zstd"),
    NONE("uncompressed");

    private static final int[] GZIP_MAGIC = {0x1f, 0x8b};
    private static final int[] ZSTD_MAGIC = {0x28, 0xb5, 0x2f, 0xfd};

    private final String label;

    Compression(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /**
     * What an OCI or Docker layer media type claims ({@code …tar+gzip}, {@code …tar.gzip}, {@code …tar+zstd},
     * {@code …tar}); empty when the type says nothing about it (absent, or an unknown type).
     */
    static Optional<Compression> claimedBy(String mediaType) {
        String type = mediaType.strip().toLowerCase(Locale.ROOT);
        if (type.endsWith("+gzip") || type.endsWith(".gzip")) {
            return Optional.of(GZIP);
        }
        if (type.endsWith("+zstd") || type.endsWith(".zstd")) {
            return Optional.of(ZSTD);
        }
        if (type.endsWith(".tar") || type.endsWith("/tar") || type.endsWith("x-tar")) {
            return Optional.of(NONE);
        }
        return Optional.empty();
    }

    /** What the first bytes are; anything but the gzip or zstd magic is read as a plain tar. */
    static Compression sniff(byte[] head, int length) {
        if (startsWith(head, length, ZSTD_MAGIC)) {
            return ZSTD;
        }
        if (startsWith(head, length, GZIP_MAGIC)) {
            return GZIP;
        }
        return NONE;
    }

    private static boolean startsWith(byte[] head, int length, int[] magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
