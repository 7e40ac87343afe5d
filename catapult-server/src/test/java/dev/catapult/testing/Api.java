package dev.catapult.testing;

import dev.catapult.client.CatapultClient;
import dev.catapult.client.RawResponse;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What any API user would send, with the raw status and JSON back: catapult-client's raw exchange, in the
 * shape the server's tests assert on. Bodies are written with a plain mapper that keeps nulls, because
 * some tests send an explicit {@code null} to clear a field.
 */
public final class Api {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final CatapultClient client;
    private final String base;

    public Api(String base, @Nullable String token) {
        this(
                base,
                CatapultClient.builder(URI.create(base))
                        .token(token)
                        .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30))
                        .build());
    }

    private Api(String base, CatapultClient client) {
        this.base = base;
        this.client = client;
    }

    public Api as(@Nullable String otherToken) {
        return new Api(base, client.withToken(otherToken));
    }

    public String base() {
        return base;
    }

    /** A response: status, parsed JSON body (or null), headers. */
    public record Response(int status, @Nullable JsonNode json, String raw, RawResponse http) {
        public @Nullable String header(String name) {
            return http.header(name).orElse(null);
        }

        public String detail() {
            return json == null || json.get("detail") == null
                    ? raw
                    : json.get("detail").asString();
        }
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response post(String path, Object body, String... headers) {
        return send("POST", path, toJson(body), headers);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, toJson(body));
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, toJson(body));
    }

    /** Sends {@code raw} exactly as given (for malformed bodies). */
    public Response postRaw(String path, String raw) {
        return send("POST", path, raw);
    }

    private static String toJson(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }

    private Response send(String method, String path, @Nullable String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        RawResponse r = client.exchange(method, path, body, all);
        JsonNode node = !r.body().isEmpty() && r.isJson() ? r.json() : null;
        return new Response(r.status(), node, r.body(), r);
    }

    /** A docker deployer's settings for {@code container} on {@code host}, then the {@code more} key/value pairs. */
    public static Map<String, Object> dockerDeployer(String host, String container, Object... more) {
        Map<String, Object> deployer = map("type", "docker", "host", host, "container", container);
        deployer.putAll(map(more));
        return deployer;
    }

    public static Map<String, Object> map(Object... kv) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
