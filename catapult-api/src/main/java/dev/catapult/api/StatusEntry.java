package dev.catapult.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One cell of the status matrix. {@code version} is the version whose deploy last succeeded (null if none);
 * {@code status} is the status of the latest deploy; {@code behind} = latest release − version.
 */
public record StatusEntry(
        String app,
        String environment,
        long latestVersion,
        @Nullable Long version,
        @Nullable String status,
        @Nullable String deployId,
        @Nullable Instant at,
        @Nullable String by,
        long behind) {}
