package dev.catapult.app;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Creates an app; {@link Apps#create} validates every field. {@code imageTagTemplate} defaults to
 * {@link Apps#DEFAULT_TAG_TEMPLATE}.
 */
public record NewApp(
        String name,
        @Nullable String image,
        @Nullable String repoUrl,
        @Nullable String team,
        @Nullable Map<String, String> labels,
        @Nullable String imageTagTemplate) {}
