package dev.catapult.release;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An immutable release as the ledger holds it. {@code image} is a digest reference, {@code source} the
 * {@link ReleaseSource#wireName()} it came from, {@code revision} an opaque id of this exact record.
 */
public record Release(
        String app,
        long version,
        String commit,
        @Nullable String image,
        @Nullable String imageTag,
        String author,
        String changelog,
        @Nullable List<String> commits,
        String source,
        String revision,
        Instant createdAt) {}
