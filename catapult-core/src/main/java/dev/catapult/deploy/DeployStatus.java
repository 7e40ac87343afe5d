package dev.catapult.deploy;

import dev.catapult.common.InvalidInput;
import java.util.Locale;
import java.util.Set;

/** The deploy lifecycle: {@code pending_approval → queued → in_progress → succeeded | failed | cancelled}. */
public enum DeployStatus {
    PENDING_APPROVAL,
    QUEUED,
    IN_PROGRESS,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeployStatus fromWire(String field, String text) {
        for (DeployStatus s : values()) {
            if (s.wireName().equals(text)) {
                return s;
            }
        }
        throw new InvalidInput(
                field,
                "'" + text
                        + "' is not a deploy status (pending_approval, queued, in_progress, succeeded, failed, cancelled)");
    }

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /** Whether the lifecycle allows going from this status to {@code next}. */
    public boolean canMoveTo(DeployStatus next) {
        return switch (this) {
            case PENDING_APPROVAL -> Set.of(QUEUED, CANCELLED).contains(next);
            case QUEUED -> Set.of(IN_PROGRESS, FAILED, CANCELLED).contains(next);
            case IN_PROGRESS ->
                Set.of(IN_PROGRESS, SUCCEEDED, FAILED, CANCELLED).contains(next);
            case SUCCEEDED, FAILED, CANCELLED -> false;
        };
    }
}
