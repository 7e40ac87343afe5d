package dev.catapult.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One image running in an app/environment. {@code version}, {@code deployedBy} and {@code deployId} come
 * from the ledger's latest deploy of a release with this digest there, when there is one; {@code since}
 * is when the first instance of it still present started.
 */
public record WhatsRunningVersion(
        @Nullable String digest,
        @Nullable String tag,
        @Nullable Long version,
        @Nullable String deployedBy,
        @Nullable String deployId,
        @Nullable Instant since,
        int running,
        int pending) {}
