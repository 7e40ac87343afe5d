package dev.catapult.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A registry as the API shows it (never its secrets: only whether a notification secret is set). */
public record RegistryView(
        String name,
        String url,
        String host,
        RegistryCreateRequest.Auth auth,
        boolean notificationSecretSet,
        String pollInterval,
        int maxConcurrency,
        String definedIn,
        @Nullable Instant lastPolledAt,
        Instant createdAt) {}
