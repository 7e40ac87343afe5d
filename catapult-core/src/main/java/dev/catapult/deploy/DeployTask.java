package dev.catapult.deploy;

import dev.catapult.targets.DeployerSpec;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Everything a deployer needs to carry out one deploy. {@code attempt} counts dispatches, from 1. */
public record DeployTask(
        String id,
        String app,
        String environment,
        long version,
        String commit,
        @Nullable String image,
        @Nullable String imageTag,
        String actor,
        DeployReason reason,
        boolean rollback,
        DeployerSpec deployer,
        int attempt,
        Instant deadline) {}
