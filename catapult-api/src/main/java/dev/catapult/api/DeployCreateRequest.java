package dev.catapult.api;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/apps/{app}/deploys}. {@code version} defaults to the latest release; a deploy that
 * lowers the running version needs {@code rollback: true}. {@code reason} is one of
 * {@code manual|rollback|promotion|redeploy} (derived when absent); {@code otp} is the TOTP step-up code
 * for protected environments.
 */
public record DeployCreateRequest(
        String environment,
        @Nullable Long version,
        @Nullable Boolean rollback,
        @Nullable String reason,
        @Nullable String otp) {}
