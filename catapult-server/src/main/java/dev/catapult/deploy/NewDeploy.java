package dev.catapult.deploy;

import org.jspecify.annotations.Nullable;

/**
 * A request to deploy, as a person or a client sends it; {@link Deployments#request} checks it after
 * authorizing. {@code version} defaults to the latest release; {@code reason} is a client reason
 * ({@link DeployReason#fromClient}), derived when absent; {@code otp} is the step-up code for protected
 * environments.
 */
public record NewDeploy(
        @Nullable String environment,
        @Nullable Long version,
        boolean rollback,
        @Nullable String reason,
        @Nullable String otp) {}
