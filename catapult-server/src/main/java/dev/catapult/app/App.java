package dev.catapult.app;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An app as the module shows it; {@code latestVersion} is 0 before the first release. */
public record App(
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
