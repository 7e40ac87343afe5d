package dev.catapult.audit;

import dev.catapult.deploy.DeployStatus;
import org.jspecify.annotations.Nullable;

/** {@code deploy.failed}: a deploy failed (its deployer failed, or it timed out). */
public record DeployFailed(
        String app,
        String environment,
        String id,
        long version,
        @Nullable String message) implements AuditEvent {
    public static final String ACTION = "deploy.failed";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(
                ACTION,
                Subject.target(app, environment),
                Details.deployOutcome(id, version, DeployStatus.FAILED, message));
    }
}
