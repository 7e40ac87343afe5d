package dev.catapult.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A deploy with its lifecycle. {@code previousVersion} is what was running when it was requested;
 * {@code history} lists every status transition with its time and actor.
 */
public record DeployView(
        String id,
        String app,
        String environment,
        long version,
        @Nullable Long previousVersion,
        String actor,
        String reason,
        boolean rollback,
        String status,
        @Nullable String message,
        String deployer,
        @Nullable String externalRef,
        int requiredApprovals,
        List<Approval> approvals,
        List<Transition> history,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant finishedAt) {

    /** An approval by a principal other than the requester. */
    public record Approval(String approver, Instant at) {}

    /** One status transition. */
    public record Transition(
            String status,
            Instant at,
            String actor,
            @Nullable String message) {}
}
