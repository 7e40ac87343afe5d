package dev.catapult.deploy.docker;

import dev.catapult.docker.Container;
import dev.catapult.docker.DockerEngine;
import dev.catapult.docker.EngineException;
import dev.catapult.targets.DockerSettings.HealthCheck;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Waits until a new container is healthy, as its target's {@link HealthCheck} defines it: its {@code http} URL
 * answering 2xx (asked from this server), the image's {@code HEALTHCHECK} reporting {@code healthy}, or
 * else running for {@value #RUNNING_SECONDS} s. A container that exits or is restarted fails at once. Polls
 * with back-off from 200 ms to 2 s.
 */
final class HealthWait {
    static final int RUNNING_SECONDS = 2;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final Clock clock;

    HealthWait(HttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /**
     * Empty once container {@code id} is healthy; otherwise why it is not, within the check's timeout and by
     * {@code latest} at the latest.
     */
    Optional<String> await(DockerEngine engine, String id, HealthCheck check, Instant latest)
            throws EngineException, InterruptedException {
        Instant from = clock.instant();
        Instant until = from.plus(check.timeout());
        String within = "within " + describe(check.timeout());
        if (latest.isBefore(until)) {
            until = latest;
            within = "before the deploy's deadline";
        }
        Duration pause = FIRST_PAUSE;
        String last = "no answer yet";
        String startedAt = "";
        Instant runningSince = from;
        while (true) {
            Container c = engine.inspect(id).orElse(null);
            if (c == null) {
                return Optional.of("the container was removed while starting");
            }
            if (!c.running() || c.restartCount() > 0) {
                // Once its restart policy has started it again, the engine no longer says how it exited.
                return Optional.of(
                        c.restartCount() > 0 && c.exitCode() == 0
                                ? "the container kept exiting (restarted " + c.restartCount()
                                        + " time(s) by its restart policy)"
                                : "the container exited with code " + c.exitCode());
            }
            if (check.http() != null) {
                String failure = probe(check.http(), Duration.between(clock.instant(), until));
                if (failure == null) {
                    return Optional.empty();
                }
                last = failure + " from " + check.http();
            } else if (check.useImageHealthcheck()) {
                if (c.health() == null) {
                    return Optional.of(
                            "the image has no HEALTHCHECK (the target sets healthCheck.useImageHealthcheck)");
                }
                if (c.health().equals("healthy")) {
                    return Optional.empty();
                }
                if (c.health().equals("unhealthy")) {
                    return Optional.of("the image's HEALTHCHECK reports unhealthy");
                }
                last = "the image's HEALTHCHECK says " + c.health();
            } else {
                if (!c.startedAt().equals(startedAt)) {
                    startedAt = c.startedAt();
                    runningSince = clock.instant();
                }
                if (!clock.instant().isBefore(runningSince.plusSeconds(RUNNING_SECONDS))) {
                    return Optional.empty();
                }
                last = "running for less than " + RUNNING_SECONDS + " s";
            }
            Instant now = clock.instant();
            if (!now.isBefore(until)) {
                return Optional.of("not healthy " + within + " (" + last + ")");
            }
            Thread.sleep(min(pause, Duration.between(now, until)).toMillis() + 1);
            pause = min(pause.multipliedBy(2), LONGEST_PAUSE);
        }
    }

    /** Null for a 2xx answer, else what was wrong. */
    private @Nullable String probe(URI url, Duration left) throws InterruptedException {
        Duration timeout =
                min(PROBE_TIMEOUT, left.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : left);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("User-Agent", "catapult-health-check")
                .GET()
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (ConnectException e) {
            return "connection refused";
        } catch (HttpTimeoutException e) {
            return "no answer within " + describe(timeout);
        } catch (IOException e) {
            // A published port with nothing listening behind it is accepted by Docker's proxy and closed at once.
            return e.getMessage() == null || e.getMessage().contains("received no bytes")
                    ? "connection closed without an answer"
                    : e.getMessage();
        }
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
