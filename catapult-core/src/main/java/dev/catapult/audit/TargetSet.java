package dev.catapult.audit;

import dev.catapult.targets.DeployerSpec;
import dev.catapult.targets.WatchSpec;
import org.jspecify.annotations.Nullable;

/** {@code target.set}: a target's deployer and watch were set (replaced). */
public record TargetSet(
        String app,
        String environment,
        DeployerSpec deployer,
        @Nullable WatchSpec watch) implements AuditEvent {
    public static final String ACTION = "target.set";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(
                ACTION,
                Subject.target(app, environment),
                Details.of("deployer", deployer.toMap(), "watch", watch == null ? null : watch.toMap()));
    }
}
