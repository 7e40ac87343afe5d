package dev.catapult.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests: what any API user would send, with the raw status and JSON back. */
public final class Api {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    public Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public Api as(String otherToken) {
        return new Api(base, otherToken);
    }

    public String base() {
        return base;
    }

    /** A response: status, parsed JSON body (or null), headers. */
    public record Response(int status, JsonNode json, String raw, HttpResponse<String> http) {
        public String header(String name) {
            return http.headers().firstValue(name).orElse(null);
        }

        public String detail() {
            return json == null || json.get("detail") == null
                    ? raw
                    : json.get("detail").asString();
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, Object body, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    public Response put(String path, Object body) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    public Response patch(String path, Object body) {
        return send(request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    /** Sends {@code raw} exactly as given (for malformed bodies). */
    public Response postRaw(String path, String raw) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(raw)));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private static String toJson(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = null;
            if (!r.body().isEmpty()
                    && r.headers().firstValue("Content-Type").orElse("").contains("json")) {
                node = JSON.readTree(r.body());
            }
            return new Response(r.statusCode(), node, r.body(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> map(Object... kv) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
