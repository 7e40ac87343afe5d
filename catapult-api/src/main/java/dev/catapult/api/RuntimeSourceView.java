package dev.catapult.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A runtime source; {@code ignoreContainers} is the effective sidecar list. */
public record RuntimeSourceView(
        String name,
        String type,
        @Nullable String queueUrl,
        @Nullable String region,
        @Nullable String endpoint,
        @Nullable String accessKeyEnv,
        @Nullable String secretKeyEnv,
        @Nullable String secretEnv,
        List<String> ignoreContainers,
        Instant createdAt) {}
