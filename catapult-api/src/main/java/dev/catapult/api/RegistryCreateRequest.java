package dev.catapult.api;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/registries}. Credentials are named, never given: {@code auth.usernameEnv} and
 * {@code auth.passwordEnv} name environment variables of the server. {@code notificationSecret} is
 * write-only: the registry presents it as {@code Authorization: Bearer <secret>} on
 * {@code POST /hooks/registry/{name}}. {@code pollInterval} is a duration such as {@code 60s}.
 */
public record RegistryCreateRequest(
        String name,
        String url,
        @Nullable Auth auth,
        @Nullable String notificationSecret,
        @Nullable String pollInterval,
        @Nullable Integer maxConcurrency) {

    /** {@code type}: {@code none}, {@code basic} or {@code bearer}. */
    public record Auth(
            String type,
            @Nullable String usernameEnv,
            @Nullable String passwordEnv) {}
}
