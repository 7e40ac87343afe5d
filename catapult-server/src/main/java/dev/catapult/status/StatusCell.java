package dev.catapult.status;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One app in one environment. {@code version} is the version whose deploy last succeeded (null if none);
 * {@code status} and {@code deployId} are the latest deploy's; {@code at} and {@code by} say when and by whom
 * {@code version} was deployed (or the latest deploy was made, with none succeeded); {@code behind} = latest
 * release − version.
 */
public record StatusCell(
        String app,
        String environment,
        long latestVersion,
        @Nullable Long version,
        @Nullable String status,
        @Nullable String deployId,
        @Nullable Instant at,
        @Nullable String by,
        long behind) {}
