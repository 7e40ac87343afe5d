package dev.catapult.audit;

import dev.catapult.common.Sha256;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The hash chain over audit events: {@code hash = sha256(prevHash || canonical(event))}, the first event
 * chained to {@link #GENESIS}. Any edit, deletion or reordering breaks the chain at the first affected
 * sequence number.
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private AuditChain() {}

    /** Builds the next event after {@code prevSeq}/{@code prevHash}. */
    public static AuditRecord next(
            long prevSeq,
            String prevHash,
            Instant at,
            String actor,
            String action,
            String subject,
            Map<String, Object> details,
            @Nullable String requestId) {
        Instant micros = at.truncatedTo(ChronoUnit.MICROS);
        AuditRecord unsigned =
                new AuditRecord(prevSeq + 1, micros, actor, action, subject, details, requestId, prevHash, "");
        return new AuditRecord(
                prevSeq + 1,
                micros,
                actor,
                action,
                subject,
                details,
                requestId,
                prevHash,
                hash(prevHash, unsigned.canonical()));
    }

    static String timestamp(Instant at) {
        return MICROS.format(at.truncatedTo(ChronoUnit.MICROS));
    }

    public static String hash(String prevHash, String canonical) {
        // prevHash is ASCII hex, so hashing the concatenation hashes prevHash's bytes followed by canonical's.
        return Sha256.hex(prevHash + canonical);
    }

    /** Verifies events streamed in sequence order; feed each to {@link Verifier#accept}. */
    public static Verifier verifier() {
        return new Verifier();
    }

    /** Incremental verification, so millions of events never sit in memory at once. */
    public static final class Verifier {
        private long expectedSeq = 1;
        private String expectedPrev = GENESIS;
        private long checked;
        private @Nullable Long firstBad;
        private @Nullable String reason;

        /** Checks one event; returns false once the chain is broken (later events need not be read). */
        public boolean accept(AuditRecord e) {
            if (firstBad != null) {
                return false;
            }
            if (e.seq() != expectedSeq) {
                return fail(expectedSeq, "event " + expectedSeq + " is missing");
            }
            if (!e.prevHash().equals(expectedPrev)) {
                return fail(e.seq(), "event " + e.seq() + " does not chain to event " + (e.seq() - 1));
            }
            if (!hash(e.prevHash(), e.canonical()).equals(e.hash())) {
                return fail(e.seq(), "event " + e.seq() + " was altered");
            }
            checked++;
            expectedSeq++;
            expectedPrev = e.hash();
            return true;
        }

        private boolean fail(long seq, String why) {
            firstBad = seq;
            reason = why;
            return false;
        }

        public Result result() {
            return new Result(firstBad == null, checked, firstBad, reason);
        }
    }

    /** The outcome of a verification. */
    public record Result(
            boolean ok,
            long checked,
            @Nullable Long firstBadSeq,
            @Nullable String reason) {}
}
