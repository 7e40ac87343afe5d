package dev.catapult.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One runtime instance (an ECS task): where it runs, which image its service container runs, and its
 * status as of the newest event ({@code version} is the runtime's sequence number for it).
 * {@code app}/{@code environment} are null when no app has the image's repository or no environment
 * lists the account. {@code exitCode} is the service container's once it exited; {@code deployId} the
 * Catapult deploy that put the image there, when known.
 */
public record InstanceView(
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
