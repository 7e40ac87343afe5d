package dev.catapult.cli.support;

import dev.catapult.client.ApiPath;
import dev.catapult.client.CatapultClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Puts the real server into the state a test starts from, through its API, as any client would. */
public final class Seed {

    private final CatapultClient api;

    /** Seeds as {@code alice}, the user the CLI runs as, so actors in the seeded state read {@code alice}. */
    public Seed(CatapultServerExtension server) {
        this.api = server.api().withToken(server.token());
    }

    public Seed environment(String name, int rank) {
        api.post(ApiPath.of("environments"), Map.of("name", name, "rank", rank));
        return this;
    }

    public Seed app(String name, String image) {
        api.post(ApiPath.of("apps"), Map.of("name", name, "image", image));
        return this;
    }

    /** A release of {@code commit} listing {@code commits}, its image a digest in the app's repository. */
    public JsonNode release(String app, String commit, List<String> commits) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commit", commit);
        body.put("image", "reg/" + app + "@sha256:" + "ab".repeat(32));
        body.put("commits", commits);
        return api.post(ApiPath.of("apps", app, "releases"), body);
    }

    /** A target with the {@code record} deployer; {@code awaitReport} keeps its deploys in progress until reported. */
    public Seed target(String app, String environment, boolean awaitReport, Map<String, Object> watch) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deployer", awaitReport ? Map.of("type", "record", "awaitReport", true) : Map.of("type", "record"));
        if (!watch.isEmpty()) {
            body.put("watch", watch);
        }
        api.put(ApiPath.of("apps", app, "targets", environment), body);
        return this;
    }

    /** Requests a deploy of {@code version} and waits until the server moved it to {@code status}. */
    public JsonNode deploy(String app, String environment, long version, String status) {
        JsonNode deploy =
                api.post(ApiPath.of("apps", app, "deploys"), Map.of("environment", environment, "version", version));
        return awaitStatus(deploy.path("id").asString(), status);
    }

    /** Rolls {@code environment} back to {@code version} and waits until the server moved it to {@code status}. */
    public JsonNode rollback(String app, String environment, long version, String status) {
        JsonNode deploy = api.post(
                ApiPath.of("apps", app, "deploys"),
                Map.of("environment", environment, "version", version, "rollback", true));
        return awaitStatus(deploy.path("id").asString(), status);
    }

    /** A deploy to an {@code awaitReport} target, taken in progress and then reported {@code outcome}. */
    public JsonNode deployReported(String app, String environment, long version, String outcome) {
        String id = deploy(app, environment, version, "in_progress").path("id").asString();
        report(id, outcome, outcome);
        return awaitStatus(id, outcome);
    }

    /** Reports {@code status} for a deploy, as the external system behind a {@code record} target does. */
    public void report(String deployId, String status, String message) {
        api.post(ApiPath.of("deploys", deployId, "status"), Map.of("status", status, "message", message));
    }

    public JsonNode awaitStatus(String deployId, String status) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            JsonNode deploy = api.get(ApiPath.of("deploys", deployId));
            if (deploy.path("status").asString().equals(status)) {
                return deploy;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("deploy " + deployId + " stayed "
                        + deploy.path("status").asString() + ", expected " + status);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The newest deploy of {@code app}. */
    public JsonNode lastDeploy(String app) {
        return api.get(ApiPath.of("apps", app, "deploys").query("limit", 1))
                .path("items")
                .path(0);
    }
}
