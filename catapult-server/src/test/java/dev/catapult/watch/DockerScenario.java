package dev.catapult.watch;

import dev.catapult.testkit.docker.EngineApi;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a test Docker engine really runs, read straight from its Engine API (HTTP/1.0 over its unix socket,
 * independent of the deployer's own client), and what a published port really serves.
 */
final class DockerScenario {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final EngineApi engine;

    DockerScenario(Path socket) {
        this.engine = new EngineApi(socket);
    }

    /** {@code GET /containers/{name}/json}, or empty when the engine has no such container. */
    Optional<JsonNode> container(String name) {
        EngineApi.Reply r = call("GET", "/containers/" + name + "/json");
        if (r.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(r.json());
    }

    /** {@code GET /images/{id}/json}: the local image, with the {@code RepoDigests} it was pulled by. */
    JsonNode image(String id) {
        return call("GET", "/images/" + id + "/json").json();
    }

    /** Every container (running or not) labelled {@code dev.catapult.app=<app>}, as {@code GET /containers/json} lists them. */
    List<JsonNode> containersOf(String app) {
        String filters = URLEncoder.encode("{\"label\":[\"dev.catapult.app=" + app + "\"]}", StandardCharsets.UTF_8);
        List<JsonNode> all = new ArrayList<>();
        call("GET", "/containers/json?all=1&filters=" + filters).json().forEach(all::add);
        return all;
    }

    /** Removes every container of {@code app} and the one named {@code name}, by force (best effort). */
    void removeAll(String app, String name) {
        try {
            for (JsonNode c : containersOf(app)) {
                call("DELETE", "/containers/" + c.get("Id").asString() + "?force=1");
            }
            call("DELETE", "/containers/" + name + "?force=1");
        } catch (RuntimeException e) {
            // cleanup is best effort: the engine goes away with the class anyway
        }
    }

    /** What {@code http://127.0.0.1:<port>/} serves now, or the error that got instead. */
    static String page(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body().strip() : "HTTP " + r.statusCode();
        } catch (IOException e) {
            return "unreachable: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    EngineApi.Reply call(String method, String path) {
        return engine.call(method, path, null);
    }
}
