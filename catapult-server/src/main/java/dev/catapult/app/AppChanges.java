package dev.catapult.app;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Changes an app: unset ({@code null}) fields are left as they are. */
public record AppChanges(
        @Nullable String image,
        @Nullable String repoUrl,
        @Nullable String team,
        @Nullable Map<String, String> labels,
        @Nullable String imageTagTemplate) {}
