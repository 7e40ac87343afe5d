package dev.catapult.runtime;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A runtime source to create, as sent; {@link RuntimeSources#create} checks it after authorizing. Credentials
 * are names of the server's variables, never values.
 */
public record NewRuntimeSource(
        @Nullable String name,
        @Nullable String type,
        @Nullable String queueUrl,
        @Nullable String region,
        @Nullable String endpoint,
        @Nullable String accessKeyEnv,
        @Nullable String secretKeyEnv,
        @Nullable String secretEnv,
        @Nullable List<String> ignoreContainers) {}
