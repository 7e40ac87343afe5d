package dev.catapult.runtime;

import dev.catapult.deploy.DeployStatus;
import dev.catapult.release.Digest;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A deploy as runtime correlation sees it.
 *
 * @param awaitsReport whether its deployer handed the work to someone else and waits to be told the outcome
 *     ({@code record} with {@code awaitReport})
 * @param digest the digest its release deploys; {@code null} for a release without an image
 */
public record AwaitedDeploy(
        String id,
        DeployStatus status,
        boolean awaitsReport,
        @Nullable Digest digest) {
    public AwaitedDeploy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    /** Whether what the runtime reports may complete it: it is in progress and nobody else will report. */
    public boolean awaitsRuntime() {
        return status == DeployStatus.IN_PROGRESS && awaitsReport;
    }
}
