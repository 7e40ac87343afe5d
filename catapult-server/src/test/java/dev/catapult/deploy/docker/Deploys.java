package dev.catapult.deploy.docker;

import dev.catapult.deploy.DeployReason;
import dev.catapult.deploy.DeployTask;
import dev.catapult.deploy.DispatchOutcome;
import dev.catapult.docker.DockerEngine;
import dev.catapult.docker.EngineException;
import dev.catapult.targets.DeployerSpec;
import dev.catapult.targets.DockerSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** Deploy tasks, settings and checks the docker deployer's tests share. */
final class Deploys {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Deploys() {}

    /** A deploy of app {@code shop} to {@code prod}, due in 3 minutes. */
    static DeployTask task(@Nullable String image, long version, DockerSettings settings) {
        return new DeployTask(
                "dep_" + UUID.randomUUID(),
                "shop",
                "prod",
                version,
                "c0ffee",
                image,
                null,
                "alice",
                DeployReason.MANUAL,
                false,
                settings,
                1,
                Instant.now().plus(Duration.ofMinutes(3)));
    }

    /** Container {@code web} on {@code host}, nothing else set: no ports, variables or command; running counts. */
    static DockerSettings bare(String host) {
        return new DockerSettings(
                host, "web", List.of(), Map.of(), Map.of(), List.of(), DockerSettings.HealthCheck.running(), null);
    }

    /** Settings as a target stores them: container {@code name}, publishing {@code port} (0: none) to 8080. */
    static DockerSettings settings(String host, String name, int port, @Nullable Map<String, Object> healthCheck) {
        Map<String, Object> raw = new LinkedHashMap<>(Map.of("type", "docker", "host", host, "container", name));
        if (port > 0) {
            raw.put("ports", List.of("127.0.0.1:" + port + ":8080"));
        }
        if (healthCheck != null) {
            raw.put("healthCheck", healthCheck);
        }
        return (DockerSettings) DeployerSpec.parse(raw);
    }

    /** {@code healthCheck: {http: http://127.0.0.1:<port>/, timeout}}. */
    static Map<String, Object> http(int port, String timeout) {
        return Map.of("http", "http://127.0.0.1:" + port + "/", "timeout", timeout);
    }

    static DockerEngine engine(String host) throws EngineException, InterruptedException {
        return DockerEngine.connect(host, JSON);
    }

    /** What {@code http://127.0.0.1:<port>/} serves now. */
    static String page(int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(5))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body().strip();
    }

    static String message(DispatchOutcome outcome) {
        return switch (outcome) {
            case DispatchOutcome.Succeeded s -> s.message();
            case DispatchOutcome.Failed f -> f.message();
            case DispatchOutcome.AwaitingReport a -> a.message();
        };
    }

    static @Nullable String externalRef(DispatchOutcome outcome) {
        return switch (outcome) {
            case DispatchOutcome.Succeeded s -> s.externalRef();
            case DispatchOutcome.Failed f -> f.externalRef();
            case DispatchOutcome.AwaitingReport a -> a.externalRef();
        };
    }
}
