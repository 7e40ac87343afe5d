package dev.catapult.audit;

import dev.catapult.deploy.DeployStatus;

/** {@code deploy.cancelled}: a deploy was cancelled while in status {@code from}. */
public record DeployCancelled(String app, String environment, String id, DeployStatus from) implements AuditEvent {
    public static final String ACTION = "deploy.cancelled";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(ACTION, Subject.target(app, environment), Details.of("id", id, "from", from.wireName()));
    }
}
