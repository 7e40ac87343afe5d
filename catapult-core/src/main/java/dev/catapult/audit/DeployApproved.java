package dev.catapult.audit;

import dev.catapult.deploy.DeployStatus;

/** {@code deploy.approved}: a deploy was approved; {@code status} is its status after this approval. */
public record DeployApproved(String app, String environment, String id, DeployStatus status) implements AuditEvent {
    public static final String ACTION = "deploy.approved";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(
                ACTION, Subject.target(app, environment), Details.of("id", id, "status", status.wireName()));
    }
}
