package dev.catapult.runtime;

import org.jspecify.annotations.Nullable;

/**
 * One runtime event as intake understands it, whatever its source (ECS through SQS or a webhook, the
 * generic webhook format, Docker events): its id (deduplication together with the body's hash), its kind,
 * the cloud account it came from, and what it observed when it is a kind Catapult tracks.
 */
public sealed interface RuntimeEvent {
    String id();

    String detailType();

    String account();

    /** An instance (ECS task, Docker container, …) changed state. */
    record Task(String id, String detailType, String account, TaskObservation task, Placement placement)
            implements RuntimeEvent {}

    /** A service rollout changed state. */
    record Deployment(
            String id, String detailType, String account, DeploymentObservation deployment, Placement placement)
            implements RuntimeEvent {}

    /** An event of a kind that says nothing about what runs; archived and otherwise ignored. */
    record Other(String id, String detailType, String account) implements RuntimeEvent {}

    /**
     * What the source itself knows about where the event belongs. ECS events know neither app nor environment
     * (intake maps the image repository and the account); Docker containers started by Catapult carry both and
     * the deploy's id in their labels; webhook senders may name them.
     */
    record Placement(
            @Nullable String app,
            @Nullable String environment,
            @Nullable String deployId) {
        public static final Placement UNKNOWN = new Placement(null, null, null);
    }
}
