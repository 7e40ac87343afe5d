package dev.catapult.api;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/deploys/{id}/status}: an external CD system reports progress
 * ({@code in_progress}) or the outcome ({@code succeeded|failed}).
 */
public record DeployStatusReport(
        String status, @Nullable String message, @Nullable String externalRef) {}
