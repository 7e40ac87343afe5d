package dev.catapult.runtime;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What runs of one app in one environment: the images its present instances run, how many, whether it is
 * crash-looping, and the latest rollout the runtime reported for its service.
 */
public record RunningWhere(
        String app,
        String environment,
        List<Version> versions,
        int running,
        int pending,
        boolean unstable,
        int recentFailures,
        @Nullable Rollout rollout) {

    public RunningWhere {
        versions = List.copyOf(versions);
    }

    /** One image running there, tied to the deploy that put it there when the ledger knows it. */
    public record Version(
            @Nullable String digest,
            @Nullable String tag,
            @Nullable Long version,
            @Nullable String deployedBy,
            @Nullable String deployId,
            @Nullable Instant since,
            int running,
            int pending) {}
}
