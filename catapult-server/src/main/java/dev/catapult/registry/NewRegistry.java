package dev.catapult.registry;

import org.jspecify.annotations.Nullable;

/**
 * Defines a registry ({@link Registries} validates every field). Credentials are named, never given:
 * {@code auth.usernameEnv} and {@code auth.passwordEnv} name environment variables of the server.
 * {@code pollInterval} is a duration such as {@code 60s}.
 */
public record NewRegistry(
        @Nullable String name,
        @Nullable String url,
        @Nullable Auth auth,
        @Nullable String notificationSecret,
        @Nullable String pollInterval,
        @Nullable Integer maxConcurrency) {

    /** {@code type}: {@code none}, {@code basic} or {@code bearer}; unset means {@code none}. */
    public record Auth(
            @Nullable String type,
            @Nullable String usernameEnv,
            @Nullable String passwordEnv) {}
}
