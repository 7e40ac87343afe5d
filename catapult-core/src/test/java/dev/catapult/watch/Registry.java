package dev.catapult.watch;

import dev.catapult.common.Durations;
import dev.catapult.release.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Registry states written compactly for decision tables. */
final class Registry {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    /** How long ago a tag was first seen when the table does not say: old enough for any minAge in the tests. */
    static final Duration SETTLED = Duration.ofDays(30);

    private Registry() {}

    /** A digest unique to {@code seed}: each tag in a table points at its own image unless a test says otherwise. */
    static Digest digest(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return new Digest("sha256:" + HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Candidates from {@code "1.0.0 1.1.0@2h latest"}: space-separated tags, each optionally with how long ago it
     * was first seen ({@code @2h}); {@code -} is an empty registry.
     */
    static List<Candidate> tags(String spec) {
        if (spec.isBlank() || spec.equals("-")) {
            return List.of();
        }
        return Stream.of(spec.trim().split("\\s+")).map(Registry::candidate).toList();
    }

    private static Candidate candidate(String entry) {
        int at = entry.lastIndexOf('@');
        String tag = at < 0 ? entry : entry.substring(0, at);
        Duration age = at < 0 ? SETTLED : Durations.parse("age", entry.substring(at + 1));
        return new Candidate(tag, digest(tag), NOW.minus(age));
    }

    /** What runs when it was deployed as {@code tag}, or nothing for {@code null}. */
    static @Nullable Deployed deployed(@Nullable String tag) {
        return tag == null ? null : new Deployed(tag, digest(tag));
    }

    /** The chosen tag, {@code nothing} ({@link Selection.NothingNewer}) or {@code ineligible}. */
    static String outcome(Selection selection) {
        return switch (selection) {
            case Selection.Chosen chosen -> chosen.candidate().tag();
            case Selection.NothingNewer n -> "nothing";
            case Selection.Ineligible i -> "ineligible";
        };
    }
}
