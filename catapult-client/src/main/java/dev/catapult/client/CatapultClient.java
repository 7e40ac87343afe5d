package dev.catapult.client;

import dev.catapult.api.Problem;
import java.io.IOException;
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
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The Catapult HTTP API v1: JSON in, {@link JsonNode} out (so a caller can print exactly what the server
 * said or convert it to a catapult-api record with {@link Json#convert}), error statuses turned into
 * {@link ApiException} with the server's problem+json, network failures into {@link CatapultClientException}.
 * {@link #exchange} is the raw variant for callers that judge status and headers themselves.
 *
 * <p>The {@link HttpClient} is built on the first request, so constructing a client costs nothing (the CLI
 * builds one for every command, many of which never talk to the server).
 */
public final class CatapultClient implements AutoCloseable {

    private final URI server;
    private final @Nullable String token;
    private final Settings settings;
    private final Transport transport;

    private CatapultClient(URI server, @Nullable String token, Settings settings, Transport transport) {
        this.server = server;
        this.token = token;
        this.settings = settings;
        this.transport = transport;
    }

    /** A client for {@code server} (scheme, host, port and any path prefix) sending {@code token}. */
    public CatapultClient(URI server, @Nullable String token) {
        this(server, token, Settings.DEFAULT, new Transport(Settings.DEFAULT));
    }

    public static Builder builder(URI server) {
        return new Builder(server);
    }

    /** The same server and connection pool, another principal's token ({@code null}: unauthenticated). */
    public CatapultClient withToken(@Nullable String otherToken) {
        return new CatapultClient(server, otherToken, settings, transport);
    }

    public URI server() {
        return server;
    }

    public JsonNode get(ApiPath path) {
        return call(request(path).GET().build());
    }

    /** Starts a GET without waiting, so independent requests overlap with local work (git walks). */
    public CompletableFuture<JsonNode> getAsync(ApiPath path) {
        return send(request(path).GET().build());
    }

    /** A GET where 404 means "there is none" rather than an error. */
    public Optional<JsonNode> find(ApiPath path) {
        try {
            return Optional.of(get(path));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
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
        return call(builder.build());
    }

    public JsonNode put(ApiPath path, Object body) {
        return call(request(path)
                .header("Content-Type", "application/json")
                .PUT(jsonBody(body))
                .build());
    }

    public JsonNode patch(ApiPath path, Object body) {
        return call(request(path)
                .header("Content-Type", "application/json")
                .method("PATCH", jsonBody(body))
                .build());
    }

    public JsonNode delete(ApiPath path) {
        return call(request(path).DELETE().build());
    }

    /**
     * Sends one request as given and returns the answer whatever its status. {@code pathAndQuery} is taken
     * as written (already encoded) and may lie outside {@code /api/v1} ({@code /metrics}, hooks); {@code body}
     * is sent as is ({@code null}: none); {@code headers} are name/value pairs added to the token (if any) and
     * the user agent. Only network failures throw.
     */
    public RawResponse exchange(String method, String pathAndQuery, byte @Nullable [] body, String... headers) {
        HttpRequest.Builder builder = base(URI.create(server + pathAndQuery))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response;
        try {
            response =
                    transport.http().send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatapultClientException("interrupted while calling the Catapult server at " + server, e);
        }
        return new RawResponse(response.statusCode(), response.headers().map(), response.body());
    }

    /** {@link #exchange(String, String, byte[], String...)} with a text body (JSON, usually). */
    public RawResponse exchange(String method, String pathAndQuery, @Nullable String body, String... headers) {
        return exchange(method, pathAndQuery, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /**
     * {@link #exchange} with {@code body} written by {@link Json} ({@code null}: none; a String is sent as is)
     * and, when there is a body, {@code Content-Type: application/json}.
     */
    public RawResponse exchangeJson(String method, String pathAndQuery, @Nullable Object body, String... headers) {
        if (body == null) {
            return exchange(method, pathAndQuery, (byte[]) null, headers);
        }
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return exchange(method, pathAndQuery, body instanceof String text ? text : Json.write(body), all);
    }

    /** Waits for a request started with {@link #getAsync}, with the same error translation as a plain call. */
    public static JsonNode await(CompletableFuture<JsonNode> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** Releases the connection pool, if one was ever opened; clients made by {@link #withToken} share it. */
    @Override
    public void close() {
        transport.close();
    }

    private HttpRequest.Builder request(ApiPath path) {
        // Concatenated, not resolved, so a server mounted under a path prefix keeps its prefix.
        return base(URI.create(server + path.toString()))
                .header("Accept", "application/json, application/problem+json");
    }

    private HttpRequest.Builder base(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout());
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (settings.userAgent() != null) {
            builder.header("User-Agent", settings.userAgent());
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher jsonBody(Object body) {
        return HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8);
    }

    private JsonNode interpret(HttpResponse<String> response) {
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
            throw new CatapultClientException("the server answered " + status + " with a body that is not JSON", e);
        }
    }

    // A proxy or a crashed server may answer with HTML; the status still says what went wrong.
    private static Problem problemFrom(int status, @Nullable String body) {
        try {
            Problem problem = Json.mapper().readValue(body == null ? "" : body, Problem.class);
            return new Problem(problem.type(), problem.title(), status, problem.detail(), problem.errors());
        } catch (JacksonException | IllegalArgumentException e) {
            return new Problem(null, null, status, "HTTP " + status, null);
        }
    }

    // Blocking calls send on the caller's thread, so an error's stack trace shows who made the call (--debug).
    private JsonNode call(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = transport.http().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatapultClientException("interrupted while calling the Catapult server at " + server, e);
        }
        return interpret(response);
    }

    private CompletableFuture<JsonNode> send(HttpRequest request) {
        return transport
                .http()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
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

    // Network failures name the server, since a wrong URL is the usual cause.
    private CatapultClientException unreachable(Throwable cause) {
        String where = " at " + server;
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return new CatapultClientException(
                    "cannot reach the Catapult server" + where + " (" + describe(cause) + ")", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new CatapultClientException("the Catapult server" + where + " did not answer in time", cause);
        }
        return new CatapultClientException(
                "request to the Catapult server" + where + " failed: " + describe(cause), cause);
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

    /** How requests are sent; the defaults suit a person at a terminal talking to a remote server. */
    private record Settings(
            Duration connectTimeout,
            Duration requestTimeout,
            @Nullable String userAgent,
            boolean followRedirects,
            HttpClient.@Nullable Version version) {
        static final Settings DEFAULT = new Settings(Duration.ofSeconds(10), Duration.ofSeconds(60), null, false, null);
    }

    /** The lazily built {@link HttpClient}, shared by a client and the clients {@link #withToken} made from it. */
    private static final class Transport {
        private final Settings settings;
        private @Nullable HttpClient http;

        Transport(Settings settings) {
            this.settings = settings;
        }

        synchronized HttpClient http() {
            if (http == null) {
                HttpClient.Builder builder = HttpClient.newBuilder()
                        .connectTimeout(settings.connectTimeout())
                        .followRedirects(
                                settings.followRedirects() ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER);
                if (settings.version() != null) {
                    builder.version(settings.version());
                }
                http = builder.build();
            }
            return http;
        }

        synchronized void close() {
            if (http != null) {
                http.close();
                http = null;
            }
        }
    }

    /** Options beyond server and token; unset ones keep the defaults (10s to connect, 60s per request). */
    public static final class Builder {
        private final URI server;
        private @Nullable String token;
        private Settings settings = Settings.DEFAULT;

        private Builder(URI server) {
            this.server = server;
        }

        public Builder token(@Nullable String token) {
            this.token = token;
            return this;
        }

        /** Sent on every request; the server records releases made with {@code catapult-cli/…} as source cli. */
        public Builder userAgent(String userAgent) {
            settings = new Settings(
                    settings.connectTimeout(),
                    settings.requestTimeout(),
                    userAgent,
                    settings.followRedirects(),
                    settings.version());
            return this;
        }

        public Builder timeouts(Duration connect, Duration request) {
            settings = new Settings(
                    connect, request, settings.userAgent(), settings.followRedirects(), settings.version());
            return this;
        }

        /** Follow redirects (a server behind a proxy that moved); off by default so raw callers see them. */
        public Builder followRedirects() {
            settings = new Settings(
                    settings.connectTimeout(),
                    settings.requestTimeout(),
                    settings.userAgent(),
                    true,
                    settings.version());
            return this;
        }

        /** Pins the HTTP version (benchmarks pin HTTP/1.1 so each concurrent caller gets its own connection). */
        public Builder version(HttpClient.Version version) {
            settings = new Settings(
                    settings.connectTimeout(),
                    settings.requestTimeout(),
                    settings.userAgent(),
                    settings.followRedirects(),
                    version);
            return this;
        }

        public CatapultClient build() {
            return new CatapultClient(server, token, settings, new Transport(settings));
        }
    }
}
