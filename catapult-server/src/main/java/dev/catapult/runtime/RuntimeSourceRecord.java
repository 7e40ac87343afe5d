package dev.catapult.runtime;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of {@code runtime_sources}, with the effective sidecar list. */
public record RuntimeSourceRecord(
        long id,
        String name,
        String type,
        @Nullable String queueUrl,
        @Nullable String region,
        @Nullable String endpoint,
        @Nullable String accessKeyEnv,
        @Nullable String secretKeyEnv,
        @Nullable String secretEnv,
        Sidecars sidecars,
        Instant createdAt) {}
