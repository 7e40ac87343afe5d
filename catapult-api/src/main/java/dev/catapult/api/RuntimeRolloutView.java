package dev.catapult.api;

import java.time.Instant;

/** A service deployment as the runtime reports it: {@code state} in_progress|completed|failed. */
public record RuntimeRolloutView(
        String deploymentId, String service, String state, boolean rollback, String reason, Instant updatedAt) {}
