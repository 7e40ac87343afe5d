package dev.catapult.api;

import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/principals}: {@code kind} is {@code user} or {@code service}. */
public record PrincipalCreateRequest(
        String name, String kind, @Nullable String password) {}
