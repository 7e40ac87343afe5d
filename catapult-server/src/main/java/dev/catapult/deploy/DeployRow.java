package dev.catapult.deploy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of the deploys table with the names it joins to. */
record DeployRow(
        String id,
        long appId,
        String app,
        long environmentId,
        String environment,
        long version,
        String actor,
        DeployReason reason,
        boolean rollback,
        DeployStatus status,
        int requiredApprovals,
        String deployerType,
        String deployerSettings,
        int attempts,
        @Nullable Instant deadline) {}
