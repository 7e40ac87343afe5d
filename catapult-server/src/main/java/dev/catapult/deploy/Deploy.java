package dev.catapult.deploy;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A deploy as the ledger holds it, with its approvals and every status transition.
 *
 * @param previousVersion what was running when it was requested
 * @param deployer the type of deployer that runs it
 * @param externalRef the deployer's or the external system's reference (Nomad evaluation, container id…)
 */
public record Deploy(
        String id,
        String app,
        String environment,
        long version,
        @Nullable Long previousVersion,
        String actor,
        DeployReason reason,
        boolean rollback,
        DeployStatus status,
        @Nullable String message,
        String deployer,
        @Nullable String externalRef,
        int requiredApprovals,
        List<Approval> approvals,
        List<Transition> history,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant finishedAt) {

    public Deploy {
        approvals = List.copyOf(approvals);
        history = List.copyOf(history);
    }

    /** An approval by a principal other than the requester. */
    public record Approval(String approver, Instant at) {}

    /** One status transition: when, by whom, and what was said. */
    public record Transition(
            DeployStatus status,
            Instant at,
            String actor,
            @Nullable String message) {}
}
