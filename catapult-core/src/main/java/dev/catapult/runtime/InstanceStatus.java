package dev.catapult.runtime;

import dev.catapult.common.InvalidInput;
import java.util.Locale;

/** An ECS task's lifecycle status ({@code lastStatus}), in lifecycle order. */
public enum InstanceStatus {
    PROVISIONING,
    PENDING,
    ACTIVATING,
    RUNNING,
    DEACTIVATING,
    STOPPING,
    DEPROVISIONING,
    STOPPED;

    public static InstanceStatus parse(String field, String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidInput(field, "'" + text + "' is not an ECS task status");
        }
    }

    /** Whether an instance in this status is still part of what runs (stopped ones drop out). */
    public boolean isPresent() {
        return this != STOPPED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
