package dev.catapult.runtime;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An instance as listed: what its source last said about it, the app and environment it maps to (when known)
 * and the deploy that put its image there.
 */
public record TrackedInstance(
        String source,
        String taskArn,
        @Nullable String app,
        @Nullable String environment,
        String account,
        @Nullable String service,
        String container,
        String repository,
        @Nullable String tag,
        @Nullable String digest,
        String status,
        @Nullable String desiredStatus,
        @Nullable String stoppedReason,
        long version,
        @Nullable Instant startedAt,
        Instant updatedAt,
        @Nullable Integer exitCode,
        @Nullable String deployId) {}
