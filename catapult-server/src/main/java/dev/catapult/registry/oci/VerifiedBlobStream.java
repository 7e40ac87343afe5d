package dev.catapult.registry.oci;

import dev.catapult.registry.RegistryException;
import dev.catapult.registry.RegistryException.Kind;
import dev.catapult.release.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A blob as it arrives: hashed while read, checked against its digest at the end ({@code INVALID} if it does
 * not match, thrown by the read that hits EOF), never held whole. The JDK bounds only the wait for response
 * headers, so a watchdog closes the body when a read makes no progress for the timeout; the blocked read then
 * fails with {@code UNAVAILABLE}. The registry's concurrency permit is held until EOF, an error or close.
 */
final class VerifiedBlobStream extends InputStream {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "catapult-oci-blob-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final InputStream body;
    private final Digest expected;
    private final String what;
    private final Permit permit;
    private final long idleNanos;
    private final MessageDigest sha256;
    private final ScheduledFuture<?> watch;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean reading;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;
    private boolean verified;

    VerifiedBlobStream(InputStream body, Digest expected, String what, Permit permit, Duration idleTimeout) {
        this.body = body;
        this.expected = expected;
        this.what = what;
        this.permit = permit;
        this.idleNanos = idleTimeout.toNanos();
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        long period = Math.max(10, idleTimeout.toMillis() / 4);
        this.watch = WATCHDOG.scheduleAtFixedRate(this::checkProgress, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (finished.get() && !verified) {
            throw new IOException(what + ": stream closed");
        }
        if (verified) {
            return -1;
        }
        int n;
        reading = true;
        lastProgress = System.nanoTime();
        try {
            n = body.read(buffer, offset, length);
        } catch (IOException e) {
            finish();
            if (stalled) {
                throw new RegistryException(
                        Kind.UNAVAILABLE, what + ": no data for " + idleNanos / 1_000_000 + " ms", e);
            }
            throw new RegistryException(Kind.UNAVAILABLE, what + ": the download broke off", e);
        } finally {
            reading = false;
        }
        if (n < 0) {
            verifyAtEnd();
            return -1;
        }
        sha256.update(buffer, offset, n);
        lastProgress = System.nanoTime();
        return n;
    }

    /** Skipped bytes are read and hashed too: the digest covers the whole blob. */
    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return finished.get() ? 0 : body.available();
    }

    @Override
    public void close() throws IOException {
        finish();
        body.close();
    }

    private void verifyAtEnd() throws IOException {
        finish();
        body.close();
        String actual = "sha256:" + HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(expected.value())) {
            throw new RegistryException(
                    Kind.INVALID, what + ": content does not match its digest (got " + actual + ")");
        }
        verified = true;
    }

    private boolean finish() {
        if (finished.compareAndSet(false, true)) {
            watch.cancel(false);
            permit.release();
            return true;
        }
        return false;
    }

    private void checkProgress() {
        if (reading && System.nanoTime() - lastProgress > idleNanos) {
            stalled = true;
            try {
                body.close(); // unblocks the reader
            } catch (IOException e) {
                // the reader fails either way
            }
        }
    }
}
