package dev.catapult.runtime;

import dev.catapult.common.InvalidInput;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One ECS Task State Change, parsed: the task and its containers as the event reports them.
 * {@code version} is ECS's per-task counter that orders events (they may arrive out of order or twice).
 * {@code group} is {@code service:<name>} for service tasks and {@code family:<name>} for standalone ones.
 * {@code stopCode} is ECS's machine-readable reason a task stopped ({@code EssentialContainerExited},
 * {@code ServiceSchedulerInitiated}, …); other sources use the same vocabulary (see {@link CrashLoop}).
 */
public record TaskObservation(
        String account,
        String taskArn,
        @Nullable String clusterArn,
        @Nullable String group,
        InstanceStatus lastStatus,
        @Nullable String desiredStatus,
        @Nullable String stoppedReason,
        @Nullable String stopCode,
        long version,
        Instant updatedAt,
        @Nullable Instant startedAt,
        List<Container> containers) {

    public TaskObservation {
        if (taskArn == null || taskArn.isBlank()) {
            throw new InvalidInput("detail.taskArn", "is missing");
        }
        if (version < 0) {
            throw new InvalidInput("detail.version", "must not be negative");
        }
        containers = List.copyOf(containers);
    }

    /** The ECS service the task belongs to, from {@code group = service:<name>}. */
    public @Nullable String service() {
        return group != null && group.startsWith("service:") ? group.substring("service:".length()) : null;
    }

    /** One container of the task: its name, the image it runs and, once it exited, its exit code. */
    public record Container(
            String name, RunningImage image, @Nullable Integer exitCode) {
        public Container(String name, RunningImage image) {
            this(name, image, null);
        }
    }
}
