package dev.catapult.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A token; {@code secret} is present only in the response that created it. */
public record TokenView(
        String id,
        String principalId,
        String name,
        List<String> scopes,
        @Nullable Instant expiresAt,
        Instant createdAt,
        @Nullable String secret) {}
