package dev.catapult.artifact.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.jspecify.annotations.Nullable;

/**
 * commons-compress's tar reader with bounds on what headers may cost. A special entry (PAX header, GNU long
 * name or link) larger than {@link #MAX_HEADER_BYTES} is refused before a byte of it is read, which leaves
 * the reader in a consistent state: the scanner drains it, skips the entry it described and goes on. Anything
 * else too large while headers are parsed (chains of headers, sparse maps) trips {@link HeaderBudget}, and
 * the scan ends there.
 *
 * <p>Names are decoded as ISO-8859-1, which maps every byte to one char: commons-compress's UTF-8 decoding
 * turns invalid bytes into {@code ?}, indistinguishable from a real one. {@link EntryNames} then decodes them
 * as UTF-8 strictly.
 */
final class GuardedTarInputStream extends TarArchiveInputStream {
    /** Real PAX headers hold a path, a link, times and a few xattrs: a few KiB at most. */
    static final long MAX_HEADER_BYTES = 1L << 20;
    /** Budget for all headers of one entry: one header at the cap plus room for the records around it. */
    static final long MAX_HEADERS_PER_ENTRY = MAX_HEADER_BYTES + (64L << 10);

    private final HeaderBudget budget;
    private @Nullable TarArchiveEntry refused;
    private boolean sawPaxHeader;

    private GuardedTarInputStream(HeaderBudget budget) {
        super(budget, TarConstants.DEFAULT_BLKSIZE, TarConstants.DEFAULT_RCDSIZE, StandardCharsets.ISO_8859_1.name());
        this.budget = budget;
    }

    static GuardedTarInputStream over(InputStream tar) {
        return new GuardedTarInputStream(new HeaderBudget(tar, MAX_HEADERS_PER_ENTRY));
    }

    /** Uncompressed tar bytes consumed so far. */
    long bytesRead() {
        return budget.bytesRead();
    }

    /** Whether the entry last returned came with a local PAX header (whose path, if any, is already Unicode). */
    boolean sawPaxHeader() {
        return sawPaxHeader;
    }

    /** The next file entry; throws {@link OversizedHeaderException} for a refused header, then carries on. */
    @Nullable
    TarArchiveEntry nextEntry() throws IOException {
        sawPaxHeader = false;
        budget.arm();
        try {
            return getNextEntry();
        } finally {
            budget.disarm();
        }
    }

    /** Reads the rest of the current entry (a file's data, or a refused header) into nothing. */
    void drain(byte[] scratch) throws IOException {
        while (read(scratch, 0, scratch.length) >= 0) {
            // discarded: only the position in the stream matters
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        TarArchiveEntry current = getCurrentEntry();
        if (current != null && current != refused && isHeader(current)) {
            sawPaxHeader |= current.isPaxHeader();
            if (current.getSize() > MAX_HEADER_BYTES) {
                refused = current;
                throw new OversizedHeaderException(current, MAX_HEADER_BYTES);
            }
        }
        return super.read(buffer, offset, length);
    }

    private static boolean isHeader(TarArchiveEntry entry) {
        return entry.isPaxHeader()
                || entry.isGlobalPaxHeader()
                || entry.isGNULongNameEntry()
                || entry.isGNULongLinkEntry();
    }

    /** A special entry too large to parse; the reader is positioned at its (unread) data. */
    static final class OversizedHeaderException extends IOException {
        private final boolean describesNextEntry;

        OversizedHeaderException(TarArchiveEntry header, long cap) {
            super(kind(header) + " of " + header.getSize() + " bytes is over the " + Sizes.format(cap) + " header cap");
            this.describesNextEntry = !header.isGlobalPaxHeader();
        }

        /** A global PAX header applies to all later entries; the others to the next entry only. */
        boolean describesNextEntry() {
            return describesNextEntry;
        }

        private static String kind(TarArchiveEntry header) {
            if (header.isGlobalPaxHeader()) {
                return "global PAX header";
            }
            if (header.isPaxHeader()) {
                return "PAX header";
            }
            return header.isGNULongNameEntry() ? "GNU long name" : "GNU long link name";
        }
    }
}
