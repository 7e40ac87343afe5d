package dev.catapult.audit;

import dev.catapult.deploy.DeployStatus;
import org.jspecify.annotations.Nullable;

/** {@code deploy.dispatched}: a deployer took a deploy and now waits for an external report. */
public record DeployDispatched(
        String app,
        String environment,
        String id,
        long version,
        @Nullable String message) implements AuditEvent {
    public static final String ACTION = "deploy.dispatched";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(
                ACTION,
                Subject.target(app, environment),
                Details.deployOutcome(id, version, DeployStatus.IN_PROGRESS, message));
    }
}
