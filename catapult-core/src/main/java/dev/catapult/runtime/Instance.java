package dev.catapult.runtime;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What Catapult believes about one running task: the state as of the newest event applied. */
public record Instance(
    String taskArn,
    @Nullable String service,
    String container,
    RunningImage image,
    InstanceStatus status,
    @Nullable String desiredStatus,
    @Nullable String stoppedReason,
    long version,
    @Nullable Instant startedAt,
    Instant updatedAt) {}
