package dev.catapult.runtime;

import dev.catapult.common.InvalidInput;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Containers that run beside the service and say nothing about which version of it runs (log routers,
 * metric and tracing agents). A task's service container is its first container not on this list.
 */
public record Sidecars(Set<String> names) {
    public static final List<String> DEFAULTS = List.of("log_router", "aws-for-fluent-bit", "cwagent", "xray-daemon");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_.-]{1,255}$");

    public Sidecars {
        names = Set.copyOf(names);
    }

    public static Sidecars defaults() {
        return new Sidecars(Set.copyOf(DEFAULTS));
    }

    /** The configured list, or the defaults when none is configured; an empty list ignores nothing. */
    public static Sidecars of(@Nullable List<String> configured) {
        if (configured == null) {
            return defaults();
        }
        for (String n : configured) {
            if (n == null || !NAME.matcher(n).matches()) {
                throw new InvalidInput("ignoreContainers", "'" + n + "' is not a container name");
            }
        }
        return new Sidecars(Set.copyOf(configured));
    }

    public boolean ignores(String containerName) {
        return names.contains(containerName);
    }

    /** The service container among {@code containers} (in reported order), if any is not a sidecar. */
    public java.util.Optional<TaskObservation.Container> serviceContainer(List<TaskObservation.Container> containers) {
        return containers.stream().filter(c -> !ignores(c.name())).findFirst();
    }
}
