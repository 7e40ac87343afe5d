package dev.catapult.audit;

import dev.catapult.deploy.DeployReason;
import dev.catapult.deploy.DeployStatus;
import org.jspecify.annotations.Nullable;

/**
 * {@code deploy.requested}: a deploy was requested; {@code heldAutomation} says whether it held the target's
 * automation (a rollback, I5).
 */
public record DeployRequested(
        String app,
        String environment,
        String id,
        long version,
        @Nullable Long previousVersion,
        DeployReason reason,
        boolean rollback,
        DeployStatus status,
        String deployer,
        boolean heldAutomation)
        implements AuditEvent {
    public static final String ACTION = "deploy.requested";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(
                ACTION,
                Subject.target(app, environment),
                Details.of(
                        "id",
                        id,
                        "version",
                        version,
                        "previousVersion",
                        previousVersion,
                        "reason",
                        reason.wireName(),
                        "rollback",
                        rollback,
                        "status",
                        status.wireName(),
                        "deployer",
                        deployer,
                        "heldAutomation",
                        heldAutomation));
    }
}
