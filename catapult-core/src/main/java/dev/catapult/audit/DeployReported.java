package dev.catapult.audit;

import dev.catapult.deploy.DeployStatus;
import org.jspecify.annotations.Nullable;

/** {@code deploy.reported}: an external CD system reported a deploy's progress or outcome. */
public record DeployReported(
        String app,
        String environment,
        String id,
        DeployStatus status,
        @Nullable String message,
        @Nullable String externalRef)
        implements AuditEvent {
    public static final String ACTION = "deploy.reported";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(
                ACTION,
                Subject.target(app, environment),
                Details.of("id", id, "status", status.wireName(), "message", message, "externalRef", externalRef));
    }
}
