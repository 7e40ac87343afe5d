package dev.catapult.runtime;

import java.time.Instant;
import java.util.Locale;

/**
 * One ECS Deployment State Change, parsed. A circuit-breaker rollback is reported exactly like a rollout
 * ({@code SERVICE_DEPLOYMENT_IN_PROGRESS}); only the free-text {@code reason} tells them apart.
 */
public record DeploymentObservation(
        String account, String serviceArn, String deploymentId, RolloutState state, String reason, Instant updatedAt) {

    /** The service's name: the last segment of its ARN ({@code …:service/<cluster>/<name>}). */
    public String service() {
        return serviceArn.substring(serviceArn.lastIndexOf('/') + 1);
    }

    /** Whether ECS says it is rolling back (deployment circuit breaker with rollback enabled). */
    public boolean rollback() {
        String r = reason.toLowerCase(Locale.ROOT);
        return r.contains("circuit breaker") && r.contains("rolling back");
    }
}
