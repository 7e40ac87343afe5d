package dev.catapult.cli.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.catapult.client.CatapultClient;
import dev.catapult.client.RawResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sits between the CLI and the real server and passes every request through unchanged, recording what the
 * CLI sent, so a test can say which calls a command made and with which body and headers. Every answer is
 * the real server's. Two test hooks: a cap on {@code limit} (so a handful of items spans pages) and actions
 * run before a request is passed on or after its answer came back (another client acting meanwhile).
 */
public final class ServerTap implements AutoCloseable {

    /** One request as the CLI sent it; header names are lower case. */
    public record Recorded(String method, String path, String query, Map<String, String> headers, String body) {}

    private record Hook(
            String method, String pathPrefix, Consumer<Recorded> before, BiConsumer<Recorded, RawResponse> after) {}

    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "content-length", "host", "transfer-encoding", "upgrade", "expect", "keep-alive");
    private static final Pattern LIMIT = Pattern.compile("(^|&)limit=(\\d+)");

    private final HttpServer http;
    private final CatapultClient upstream;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<Hook> hooks = new CopyOnWriteArrayList<>();
    private volatile int pageSize;

    ServerTap(URI server) {
        this.upstream = CatapultClient.builder(server)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        http.createContext("/", this::handle);
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    void reset() {
        requests.clear();
        hooks.clear();
        pageSize = 0;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    void pageSize(int size) {
        pageSize = size;
    }

    void before(String method, String pathPrefix, Consumer<Recorded> action) {
        hooks.add(new Hook(method, pathPrefix, action, (request, response) -> {}));
    }

    void after(String method, String pathPrefix, BiConsumer<Recorded, RawResponse> action) {
        hooks.add(new Hook(method, pathPrefix, request -> {}, action));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            List<String> forwarded = new ArrayList<>();
            exchange.getRequestHeaders().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                headers.put(lower, values.getFirst());
                if (!HOP_BY_HOP.contains(lower)) {
                    values.forEach(value -> {
                        forwarded.add(name);
                        forwarded.add(value);
                    });
                }
            });
            Recorded request =
                    new Recorded(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), headers, body);
            requests.add(request);
            List<Hook> matching = hooks.stream()
                    .filter(h -> h.method().equals(request.method())
                            && request.path().startsWith(h.pathPrefix()))
                    .toList();
            matching.forEach(h -> h.before().accept(request));
            String query = capLimit(uri.getRawQuery());
            RawResponse response = upstream.exchange(
                    request.method(),
                    uri.getRawPath() + (query == null ? "" : "?" + query),
                    body.isEmpty() ? null : body,
                    forwarded.toArray(String[]::new));
            matching.forEach(h -> h.after().accept(request, response));
            response.headers().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] bytes = response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private String capLimit(String query) {
        int cap = pageSize;
        if (cap <= 0 || query == null) {
            return query;
        }
        Matcher m = LIMIT.matcher(query);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group(1) + "limit=" + Math.min(cap, Integer.parseInt(m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public void close() {
        http.stop(0);
        upstream.close();
    }
}
