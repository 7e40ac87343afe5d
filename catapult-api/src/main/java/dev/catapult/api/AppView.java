package dev.catapult.api;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An app as the API shows it; {@code latestVersion} is 0 before the first release. */
public record AppView(
        String name,
        String image,
        @Nullable String repoUrl,
        @Nullable String team,
        Map<String, String> labels,
        String imageTagTemplate,
        boolean archived,
        long latestVersion,
        Instant createdAt,
        Instant updatedAt) {}
