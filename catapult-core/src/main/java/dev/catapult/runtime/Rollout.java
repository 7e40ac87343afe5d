package dev.catapult.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * A service deployment as ECS reports it. Deployment events carry no sequence number, so ordering is by
 * {@code updatedAt}, and at equal times a terminal state beats {@code in_progress} (events about one
 * deployment share timestamps). That a deployment is a rollback is sticky: once reported it stays known,
 * whatever order the events arrive in.
 */
public record Rollout(
        String deploymentId, String service, RolloutState state, boolean rollback, String reason, Instant updatedAt) {

    /** The rollout after {@code event}, or empty when the event changes nothing. */
    public static Optional<Rollout> apply(Optional<Rollout> current, DeploymentObservation event) {
        if (current.isEmpty()) {
            return Optional.of(new Rollout(
                    event.deploymentId(),
                    event.service(),
                    event.state(),
                    event.rollback(),
                    event.reason(),
                    event.updatedAt()));
        }
        Rollout now = current.get();
        boolean rollback = now.rollback || event.rollback();
        int order = event.updatedAt().compareTo(now.updatedAt);
        boolean newer = order > 0 || (order == 0 && event.state().isTerminal() && !now.state.isTerminal());
        if (newer) {
            return Optional.of(new Rollout(
                    now.deploymentId, now.service, event.state(), rollback, event.reason(), event.updatedAt()));
        }
        if (rollback != now.rollback) {
            return Optional.of(
                    new Rollout(now.deploymentId, now.service, now.state, true, event.reason(), now.updatedAt));
        }
        return Optional.empty();
    }
}
