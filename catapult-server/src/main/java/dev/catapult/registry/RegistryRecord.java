package dev.catapult.registry;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stored registry: its id, client settings, poll interval and (hashed) notification secret. */
public record RegistryRecord(
        long id,
        RegistrySettings settings,
        Duration pollInterval,
        @Nullable String notificationSecretHash,
        String definedIn,
        @Nullable Instant lastPolledAt,
        Instant createdAt) {

    public String name() {
        return settings.name();
    }
}
