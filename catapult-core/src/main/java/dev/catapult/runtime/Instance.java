package dev.catapult.runtime;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What Catapult believes about one running task (or container): the state as of the newest event applied.
 * {@code exitCode} is the service container's, once it exited.
 */
public record Instance(
        String taskArn,
        @Nullable String service,
        String container,
        RunningImage image,
        InstanceStatus status,
        @Nullable String desiredStatus,
        @Nullable String stoppedReason,
        @Nullable Integer exitCode,
        long version,
        @Nullable Instant startedAt,
        Instant updatedAt) {}
