package dev.catapult.deploy.docker;

import dev.catapult.deploy.DeployTask;
import dev.catapult.deploy.DispatchOutcome;
import dev.catapult.docker.CatapultLabels;
import dev.catapult.docker.Container;
import dev.catapult.docker.ContainerSpec;
import dev.catapult.docker.ContainerSummary;
import dev.catapult.docker.DockerEngine;
import dev.catapult.docker.EngineException;
import dev.catapult.targets.DockerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the container named {@code NAME} by a new one and keeps the old one until the new one is healthy:
 * the old container is renamed {@code NAME-previous-<short id>} (and stopped first only when the new one
 * publishes a host port it holds), the new one is created and started as {@code NAME}, and then either the old
 * one is removed, or the new one is removed and the old one renamed back and started.
 *
 * <p>Every step can be repeated after a crash: the new container carries the deploy's id as a label, so a
 * second dispatch of the same deploy finds it and carries on, and finds the set-aside container by its name.
 */
final class ContainerSwap {
    private static final Logger log = LoggerFactory.getLogger(ContainerSwap.class);
    private static final int DEFAULT_STOP_SECONDS = 10;
    private static final Duration RESTORE_HEALTH_TIMEOUT = Duration.ofSeconds(20);

    private final DockerEngine engine;
    private final HealthWait health;
    private final DockerSettings settings;
    private final DeployTask task;
    private final ContainerSpec blueprint;
    private final String name;
    private final Pattern setAside;
    private boolean previousServing;

    ContainerSwap(
            DockerEngine engine, HealthWait health, DockerSettings settings, DeployTask task, ContainerSpec blueprint) {
        this.engine = engine;
        this.health = health;
        this.settings = settings;
        this.task = task;
        this.blueprint = blueprint;
        this.name = settings.container();
        this.setAside = Pattern.compile("^" + Pattern.quote(name + "-previous-") + "[0-9a-f]{12}$");
    }

    /** Runs the swap; the new container's health is awaited until {@code healthLatest} at the latest. */
    DispatchOutcome run(Instant healthLatest) throws EngineException, InterruptedException {
        Optional<Container> current = engine.inspect(name);
        Container fresh = current.filter(c -> task.id().equals(c.labels().get(CatapultLabels.DEPLOY)))
                .orElse(null);
        Container previous = fresh == null && current.isPresent() ? current.get() : newestSetAside();
        if (fresh == null && previous != null && previous.name().equals(name)) {
            String aside = name + "-previous-" + previous.shortId();
            engine.rename(previous.id(), aside);
            previous = previous.named(aside);
            progress("set container " + previous.shortId() + " aside as " + aside);
        }
        previousServing = previous != null && previous.running();
        try {
            if (previous != null && previous.running() && clashes(previous)) {
                previousServing = false;
                engine.stop(
                        previous.id(), previous.stopTimeout() == null ? DEFAULT_STOP_SECONDS : previous.stopTimeout());
                progress("stopped " + previous.name() + " to free its ports");
            }
            if (fresh == null) {
                String id = engine.create(name, blueprint);
                fresh = engine.inspect(id)
                        .orElseThrow(() -> new EngineException("container " + name + " vanished after create"));
                progress("created container " + name + " (" + fresh.shortId() + ")");
            }
            engine.start(fresh.id());
            progress("started " + name + " (" + fresh.shortId() + "); waiting for its health check");
        } catch (EngineException e) {
            return restore(fresh, previous, e.getMessage());
        }
        Optional<String> unhealthy = health.await(engine, fresh.id(), settings.healthCheck(), healthLatest);
        if (unhealthy.isPresent()) {
            return restore(fresh, previous, "health check failed: " + unhealthy.get());
        }
        return new DispatchOutcome.Succeeded(
                "container " + name + " (" + fresh.shortId() + ") runs " + blueprint.image() + " and is healthy"
                        + removeSetAside() + " (Docker Engine API " + engine.apiVersion() + ")",
                fresh.id());
    }

    private @Nullable Container newestSetAside() throws EngineException, InterruptedException {
        Optional<ContainerSummary> newest = engine.containersNamed(name + "-previous-").stream()
                .filter(c ->
                        c.names().stream().anyMatch(n -> setAside.matcher(n).matches()))
                .max(Comparator.comparingLong(ContainerSummary::created));
        return newest.isEmpty() ? null : engine.inspect(newest.get().id()).orElse(null);
    }

    /** Whether the new container publishes a host port that {@code old} holds. */
    private boolean clashes(Container old) {
        return settings.ports().stream()
                .anyMatch(
                        p -> old.bindings().stream().anyMatch(b -> b.overlaps(p.hostIp(), p.hostPort(), p.protocol())));
    }

    /** Removes every set-aside container (the one this deploy replaced, and any an interrupted deploy left). */
    private String removeSetAside() throws InterruptedException {
        List<String> removed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            for (ContainerSummary old : engine.containersNamed(name + "-previous-")) {
                Optional<String> aside = old.names().stream()
                        .filter(n -> setAside.matcher(n).matches())
                        .findFirst();
                if (aside.isPresent()) {
                    engine.remove(old.id());
                    removed.add(aside.get());
                }
            }
        } catch (EngineException e) {
            problems.add(e.getMessage());
        }
        String result = removed.isEmpty() ? "" : "; removed " + String.join(", ", removed);
        return problems.isEmpty()
                ? result
                : result + "; could not remove the previous container: " + problems.getFirst();
    }

    /**
     * Removes the new container and brings the old one back under its name, then waits (briefly) for it to be
     * healthy again if it had been stopped. The new container is removed by force rather than stopped gracefully
     * first: it never served, so there is nothing to drain.
     */
    private DispatchOutcome restore(@Nullable Container fresh, @Nullable Container previous, String reason)
            throws InterruptedException {
        progress("restoring: " + reason);
        List<String> problems = new ArrayList<>();
        if (fresh != null) {
            try {
                engine.remove(fresh.id());
            } catch (EngineException e) {
                problems.add(e.getMessage());
            }
        }
        if (previous == null) {
            return new DispatchOutcome.Failed(
                    reason + "; there was no previous container to restore", fresh == null ? null : fresh.id());
        }
        if (problems.isEmpty()) {
            try {
                if (!previous.name().equals(name)) {
                    engine.rename(previous.id(), name);
                }
                engine.start(previous.id());
                if (!previousServing) {
                    restoredHealth(previous.id()).ifPresent(why -> problems.add("it is not healthy: " + why));
                }
            } catch (EngineException e) {
                problems.add(e.getMessage());
            }
        }
        String outcome = problems.isEmpty()
                ? "; previous container restored"
                : "; restoring the previous container " + previous.name() + " failed: " + problems.getFirst();
        return new DispatchOutcome.Failed(reason + outcome, fresh == null ? null : fresh.id());
    }

    /**
     * The restarted previous container's health, by the target's check (the image's own only if it has one: the
     * new image may be the one that brought it) within 20 s.
     */
    private Optional<String> restoredHealth(String id) throws EngineException, InterruptedException {
        DockerSettings.HealthCheck check = settings.healthCheck();
        Duration timeout =
                check.timeout().compareTo(RESTORE_HEALTH_TIMEOUT) < 0 ? check.timeout() : RESTORE_HEALTH_TIMEOUT;
        boolean imageCheck = check.useImageHealthcheck()
                && engine.inspect(id).map(c -> c.health() != null).orElse(false);
        return health.await(
                engine, id, new DockerSettings.HealthCheck(check.http(), imageCheck, timeout), task.deadline());
    }

    private void progress(String step) {
        log.info("Deploy {} ({}/{} release {}): {}", task.id(), task.app(), task.environment(), task.version(), step);
    }
}
