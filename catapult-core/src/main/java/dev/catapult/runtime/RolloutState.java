package dev.catapult.runtime;

import java.util.Locale;
import java.util.Optional;

/** The state of an ECS service deployment, from {@code SERVICE_DEPLOYMENT_*} event names. */
public enum RolloutState {
    IN_PROGRESS,
    COMPLETED,
    FAILED;

    /** The state an ECS Deployment State Change {@code eventName} reports, if it reports one. */
    public static Optional<RolloutState> fromEventName(String eventName) {
        return switch (eventName) {
            case "SERVICE_DEPLOYMENT_IN_PROGRESS" -> Optional.of(IN_PROGRESS);
            case "SERVICE_DEPLOYMENT_COMPLETED" -> Optional.of(COMPLETED);
            case "SERVICE_DEPLOYMENT_FAILED" -> Optional.of(FAILED);
            default -> Optional.empty();
        };
    }

    public boolean isTerminal() {
        return this != IN_PROGRESS;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
