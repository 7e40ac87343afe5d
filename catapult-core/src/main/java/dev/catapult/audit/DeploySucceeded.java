package dev.catapult.audit;

import dev.catapult.deploy.DeployStatus;
import org.jspecify.annotations.Nullable;

/** {@code deploy.succeeded}: a deployer finished a deploy successfully. */
public record DeploySucceeded(
        String app,
        String environment,
        String id,
        long version,
        @Nullable String message) implements AuditEvent {
    public static final String ACTION = "deploy.succeeded";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(
                ACTION,
                Subject.target(app, environment),
                Details.deployOutcome(id, version, DeployStatus.SUCCEEDED, message));
    }
}
