package dev.catapult.runtime;

import java.util.Optional;

/**
 * How an ECS Task State Change changes an instance. ECS numbers each task's events ({@code version}); an
 * event not newer than the state already applied is stale or a duplicate and changes nothing, so
 * redelivered and reordered events are harmless (I4). A task made only of sidecars is not a service
 * instance and is ignored.
 */
public final class InstanceTransition {
    private InstanceTransition() {}

    /** The outcome of applying one event. */
    public sealed interface Outcome {
        /** The event is newer: store this state. */
        record Changed(Instance instance) implements Outcome {}

        /** The event changes nothing; {@code why} says why (stale, duplicate, sidecars only). */
        record Unchanged(String why) implements Outcome {}
    }

    public static Outcome apply(Optional<Instance> current, TaskObservation event, Sidecars sidecars) {
        if (current.isPresent()) {
            long known = current.get().version();
            if (event.version() == known) {
                return new Outcome.Unchanged("duplicate: version " + known + " already applied");
            }
            if (event.version() < known) {
                return new Outcome.Unchanged("stale: version " + event.version() + " is older than " + known);
            }
        }
        Optional<TaskObservation.Container> main = sidecars.serviceContainer(event.containers());
        if (main.isEmpty()) {
            return new Outcome.Unchanged("only sidecar containers");
        }
        return new Outcome.Changed(new Instance(
                event.taskArn(),
                event.service(),
                main.get().name(),
                main.get().image(),
                event.lastStatus(),
                event.desiredStatus(),
                event.stoppedReason(),
                main.get().exitCode(),
                event.version(),
                event.startedAt() != null
                        ? event.startedAt()
                        : current.map(Instance::startedAt).orElse(null),
                event.updatedAt()));
    }
}
