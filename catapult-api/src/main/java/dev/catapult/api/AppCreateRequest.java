package dev.catapult.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/apps}. {@code imageTagTemplate} is the tag the CLI uses for a release when no image
 * is given, with {@code {sha}} replaced by the full commit (default {@code ref-{sha}}).
 */
public record AppCreateRequest(
        String name,
        String image,
        @Nullable String repoUrl,
        @Nullable String team,
        @Nullable Map<String, String> labels,
        @Nullable String imageTagTemplate) {}
