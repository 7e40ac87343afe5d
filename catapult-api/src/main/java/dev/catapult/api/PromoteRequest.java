package dev.catapult.api;

import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/apps/{app}/promote}: deploy to {@code to} the version running in {@code from}. */
public record PromoteRequest(
        String from, String to, @Nullable String otp) {}
