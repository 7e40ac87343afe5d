package dev.catapult.artifact.scan;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Counts the uncompressed tar bytes read, and bounds what one header may cost. While armed (the tar reader
 * is between entries, parsing headers), more than {@code budget} bytes fail the read before anything is
 * consumed: commons-compress reads PAX headers, GNU long names and sparse maps into memory and recurses once
 * per chained header, so without a bound a hostile header is a heap or stack exhaustion.
 */
final class HeaderBudget extends FilterInputStream {
    private final long budget;
    private long bytesRead;
    private long armedAt = -1;

    HeaderBudget(InputStream in, long budget) {
        super(in);
        this.budget = budget;
    }

    long bytesRead() {
        return bytesRead;
    }

    void arm() {
        armedAt = bytesRead;
    }

    void disarm() {
        armedAt = -1;
    }

    @Override
    public int read() throws IOException {
        check();
        int b = in.read();
        if (b >= 0) {
            bytesRead++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        check();
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            bytesRead += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        check();
        long skipped = in.skip(n);
        bytesRead += skipped;
        return skipped;
    }

    private void check() throws HeaderTooLargeException {
        // Checked before the read: a read that starts under the budget may end over it, by at most one
        // header-sized chunk (special entries larger than the budget are refused before they are read).
        if (armedAt >= 0 && bytesRead - armedAt >= budget) {
            throw new HeaderTooLargeException("the headers of one entry take more than " + Sizes.format(budget)
                    + "; the rest of the layer is not read");
        }
    }

    /** A header the scanner cannot step over safely: the scan ends there. */
    static final class HeaderTooLargeException extends IOException {
        HeaderTooLargeException(String message) {
            super(message);
        }

        /** Never null: the only constructor takes the message. */
        @Override
        public String getMessage() {
            return Objects.requireNonNull(super.getMessage());
        }
    }
}
