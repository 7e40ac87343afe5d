package dev.catapult.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/principals/{id}/tokens}. */
public record TokenCreateRequest(
        String name, List<String> scopes, @Nullable Instant expiresAt) {}
