package dev.catapult.cli.support;

import com.sun.net.httpserver.HttpServer;
import dev.catapult.api.Problem;
import dev.catapult.client.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Answers every request with one problem+json, for the tests of how the CLI reports statuses the real server
 * cannot be made to produce on demand (429, 5xx, a proxy's 413). Everything else runs against the real server.
 */
public final class ProblemServer implements AutoCloseable {

    private final HttpServer http;

    private ProblemServer(HttpServer http) {
        this.http = http;
    }

    public static ProblemServer answering(Problem problem) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = Json.write(problem).getBytes(StandardCharsets.UTF_8);
            http.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                    exchange.sendResponseHeaders(problem.status(), body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            http.start();
            return new ProblemServer(http);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
