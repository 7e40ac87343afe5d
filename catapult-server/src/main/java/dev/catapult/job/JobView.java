package dev.catapult.job;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A job as the API shows it. */
public record JobView(
        String id,
        String kind,
        String status,
        int attempts,
        int maxAttempts,
        Map<String, Object> payload,
        Map<String, Object> progress,
        @Nullable String error,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant finishedAt) {}
