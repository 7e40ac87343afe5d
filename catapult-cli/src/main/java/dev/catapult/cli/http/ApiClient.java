package dev.catapult.cli.http;

import dev.catapult.api.Problem;
import dev.catapult.cli.CliException;
import dev.catapult.cli.ExitCodes;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The Catapult HTTP API v1 as the CLI sees it: JSON in, {@link JsonNode} out (so {@code --output json}
 * prints exactly what the server said), errors turned into {@link ApiException} with the right exit code.
 */
public final class ApiClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** The server records releases made with this agent as source {@code cli}. */
    static final String USER_AGENT = "catapult-cli/0.1.0";

    private final URI server;
    private final String token;
    private final HttpClient http;

    public ApiClient(URI server, String token) {
        this.server = server;
        this.token = token;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public JsonNode get(ApiPath path) {
        return await(getAsync(path));
    }

    /** Starts a GET without waiting, so independent requests overlap with local work (git walks). */
    public CompletableFuture<JsonNode> getAsync(ApiPath path) {
        return send(request(path).GET().build());
    }

    /** A GET where 404 means "there is none" rather than an error. */
    public Optional<JsonNode> find(ApiPath path) {
        return findFrom(getAsync(path));
    }

    /** Waits for a GET started with {@link #getAsync}; 404 becomes empty. */
    public static Optional<JsonNode> findFrom(CompletableFuture<JsonNode> pending) {
        try {
            return Optional.of(await(pending));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public JsonNode post(ApiPath path, Object body) {
        return post(path, body, Map.of());
    }

    public JsonNode post(ApiPath path, Object body, Map<String, String> headers) {
        HttpRequest.Builder builder =
                request(path).header("Content-Type", "application/json").POST(jsonBody(body));
        headers.forEach(builder::header);
        return await(send(builder.build()));
    }

    public JsonNode put(ApiPath path, Object body) {
        return await(send(request(path)
                .header("Content-Type", "application/json")
                .PUT(jsonBody(body))
                .build()));
    }

    public JsonNode patch(ApiPath path, Object body) {
        return await(send(request(path)
                .header("Content-Type", "application/json")
                .method("PATCH", jsonBody(body))
                .build()));
    }

    public JsonNode delete(ApiPath path) {
        return await(send(request(path).DELETE().build()));
    }

    public URI server() {
        return server;
    }

    private HttpRequest.Builder request(ApiPath path) {
        // Concatenated, not resolved, so a server mounted under a path prefix keeps its prefix.
        return HttpRequest.newBuilder(URI.create(server + path.toString()))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", USER_AGENT);
    }

    private static HttpRequest.BodyPublisher jsonBody(Object body) {
        return HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8);
    }

    private static JsonNode interpret(HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        if (status >= 400) {
            throw new ApiException(status, problemFrom(status, body));
        }
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return Json.parse(body);
        } catch (JacksonException e) {
            throw new CliException(
                    ExitCodes.FAILED, "the server answered " + status + " with a body that is not JSON", e);
        }
    }

    // A proxy or a crashed server may answer with HTML; the status still decides the exit code.
    private static Problem problemFrom(int status, String body) {
        try {
            Problem problem = Json.mapper().readValue(body, Problem.class);
            return new Problem(problem.type(), problem.title(), status, problem.detail(), problem.errors());
        } catch (JacksonException | IllegalArgumentException e) {
            return new Problem(null, null, status, "HTTP " + status, null);
        }
    }

    /** Waits for a request started with {@link #getAsync}, with the same error translation as a plain call. */
    public static JsonNode await(CompletableFuture<JsonNode> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private CompletableFuture<JsonNode> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw unreachable(
                                failure instanceof CompletionException && failure.getCause() != null
                                        ? failure.getCause()
                                        : failure);
                    }
                    return interpret(response);
                });
    }

    // Network failures are "failed operation" (exit 1) and name the server, since a wrong URL is the usual cause.
    private CliException unreachable(Throwable cause) {
        String where = " at " + server;
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return new CliException(
                    ExitCodes.FAILED, "cannot reach the Catapult server" + where + " (" + describe(cause) + ")", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new CliException(ExitCodes.FAILED, "the Catapult server" + where + " did not answer in time", cause);
        }
        return new CliException(
                ExitCodes.FAILED, "request to the Catapult server" + where + " failed: " + describe(cause), cause);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause instanceof ConnectException
                    ? "connection refused"
                    : cause.getClass().getSimpleName();
        }
        return message;
    }
}
