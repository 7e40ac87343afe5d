package dev.catapult.cli.deploy;

import dev.catapult.cli.CliException;
import dev.catapult.cli.ExitCodes;
import dev.catapult.cli.output.Output;
import dev.catapult.client.ApiPath;
import dev.catapult.client.CatapultClient;
import java.time.Duration;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Follows a deploy until it ends ({@code --wait}): polls {@code GET /api/v1/deploys/{id}} with a growing
 * interval (quick feedback for fast deployers, little load for slow ones) and reports each status change.
 */
public final class DeployWaiter {

    static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled");
    private static final Duration FIRST_INTERVAL = Duration.ofMillis(200);
    private static final Duration MAX_INTERVAL = Duration.ofSeconds(5);

    private final CatapultClient api;
    private final Output output;

    public DeployWaiter(CatapultClient api, Output output) {
        this.api = api;
        this.output = output;
    }

    /** Returns the deploy once it has a final status; fails when {@code timeout} passes first. */
    public JsonNode await(JsonNode deploy, Duration timeout) {
        String id = deploy.path("id").asString();
        String status = deploy.path("status").asString();
        output.notice("deploy " + id + ": " + status);
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration interval = FIRST_INTERVAL;
        JsonNode current = deploy;
        while (!FINAL.contains(status)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new CliException(
                        ExitCodes.FAILED,
                        "timed out after " + format(timeout) + " waiting for deploy " + id + " (still " + status + ")");
            }
            sleep(Duration.ofNanos(Math.min(interval.toNanos(), left)));
            current = api.get(ApiPath.of("deploys", id));
            String next = current.path("status").asString();
            if (!next.equals(status)) {
                String message = current.path("message").asString("");
                output.notice("deploy " + id + ": " + next + (message.isEmpty() ? "" : " (" + message + ")"));
                status = next;
                interval = FIRST_INTERVAL;
            } else {
                Duration grown = interval.multipliedBy(3).dividedBy(2);
                interval = grown.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : grown;
            }
        }
        return current;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.FAILED, "interrupted while waiting for the deploy", e);
        }
    }

    static String format(Duration duration) {
        if (duration.toSecondsPart() == 0 && duration.toMillisPart() == 0 && duration.toMinutes() > 0) {
            return duration.toMinutes() + "m";
        }
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
