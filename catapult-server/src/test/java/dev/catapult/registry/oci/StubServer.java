package dev.catapult.registry.oci;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.catapult.testkit.http.LoopbackServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP server answering like the documented registry and token endpoints, for what Debian's
 * registry cannot show (token auth, Link paging, rate limits, redirects, faults). Routes match method and
 * path exactly; anything else gets the registry's 404 {@code NAME_UNKNOWN}. Every request is recorded.
 */
final class StubServer implements AutoCloseable {
    interface Route {
        void answer(HttpExchange exchange) throws Exception;
    }

    /** A request as it arrived, with the time it arrived (System.nanoTime). */
    record Seen(String method, String path, @Nullable String query, Headers headers, long atNanos) {
        @Nullable
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server = LoopbackServer.start(this::handle);
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private StubServer() {}

    static StubServer start() {
        return new StubServer();
    }

    StubServer on(String method, String path, Route route) {
        routes.put(method + " " + path, route);
        return this;
    }

    URI url() {
        return LoopbackServer.url(server);
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    List<Seen> seen(String method, String path) {
        return seen.stream()
                .filter(s -> s.method().equals(method) && s.path().equals(path))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        seen.add(new Seen(
                exchange.getRequestMethod(),
                uri.getPath(),
                uri.getRawQuery(),
                exchange.getRequestHeaders(),
                System.nanoTime()));
        Route route = routes.get(exchange.getRequestMethod() + " " + uri.getPath());
        try {
            if (route == null) {
                json(
                        exchange,
                        404,
                        "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known\"}]}");
            } else {
                route.answer(exchange);
            }
        } catch (Exception e) {
            // the client may have hung up (timeouts are tested); nothing to answer
        } finally {
            exchange.close();
        }
    }

    /** Answers with headers and body; for HEAD, the body's length only (as registries do). */
    static void reply(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void json(HttpExchange exchange, int status, String body) throws IOException {
        reply(exchange, status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }
}
