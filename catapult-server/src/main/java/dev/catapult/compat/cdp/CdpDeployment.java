package dev.catapult.compat.cdp;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * cdp-portal-backend's {@code Deployment}: one deployment event of a service in an environment. The
 * original recorded ECS task events; {@link CdpDeploymentSource} says where ours come from.
 *
 * @param status upper-case ECS-style status: REQUESTED, PENDING, RUNNING, STOPPED or FAILED
 * @param taskId the runtime's reference for the deployment (ECS task ARN there, deployer reference here)
 * @param instanceTaskId the runtime instance, when the source knows instances
 * @param instanceCount how many instances run, when the source knows
 */
public record CdpDeployment(
        String deploymentId,
        String environment,
        String service,
        String version,
        @Nullable String user,
        @Nullable String userId,
        Instant deployedAt,
        String status,
        @Nullable String dockerImage,
        @Nullable String taskId,
        @Nullable String instanceTaskId,
        @Nullable Integer instanceCount) {}
