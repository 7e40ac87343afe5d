package dev.catapult.access;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A token just created: the only time its {@code secret} is known to anyone but its holder. */
public record IssuedToken(
        String id,
        String principalId,
        String name,
        List<String> scopes,
        @Nullable Instant expiresAt,
        Instant createdAt,
        String secret) {
    public IssuedToken {
        scopes = List.copyOf(scopes);
    }
}
