package dev.catapult.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code PATCH /api/v1/apps/{app}}: absent fields are left as they are. */
public record AppPatchRequest(
        @Nullable String image,
        @Nullable String repoUrl,
        @Nullable String team,
        @Nullable Map<String, String> labels,
        @Nullable String imageTagTemplate) {}
