package dev.catapult.bench;

import dev.catapult.client.RawResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Catapult API calls the benchmarks need, in the benchmarks' terms (statuses checked, registry stats as a
 * record), sent through catapult-client over one keep-alive HTTP/1.1 connection pool (each concurrent caller
 * gets its own connection). Only ever talks to the server the benchmark started, on 127.0.0.1.
 */
public final class CatapultClient implements AutoCloseable {
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final dev.catapult.client.CatapultClient api;

    public CatapultClient(URI base, String token) {
        if (!"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("the benchmark only targets 127.0.0.1, not " + base);
        }
        this.api = dev.catapult.client.CatapultClient.builder(base)
                .token(token)
                .version(HttpClient.Version.HTTP_1_1)
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60))
                .build();
    }

    /** A response as the benchmark sees it: status, body and the replay marker of idempotent creates. */
    public record Response(int status, String body, boolean replayed) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** Requests the server sent to one registry since it started, by kind ({@code GET /api/v1/registries/{name}/stats}). */
    public record Stats(
            long headManifest, long getManifest, long tagList, long catalog, long blob, long token, long total) {
        public static final Stats ZERO = new Stats(0, 0, 0, 0, 0, 0, 0);

        public Stats minus(Stats o) {
            return new Stats(
                    headManifest - o.headManifest,
                    getManifest - o.getManifest,
                    tagList - o.tagList,
                    catalog - o.catalog,
                    blob - o.blob,
                    token - o.token,
                    total - o.total);
        }

        /** Everything that is neither a manifest HEAD nor a tag-list page. */
        public long other() {
            return total - headManifest - tagList;
        }
    }

    public void createEnvironment(String name, int rank) throws IOException, InterruptedException {
        send("POST", "/api/v1/environments", Map.of("name", name, "rank", rank), 201);
    }

    /** An environment listing cloud {@code accounts}, so runtime events from them land in it. */
    public void createEnvironment(String name, int rank, List<String> accounts)
            throws IOException, InterruptedException {
        send("POST", "/api/v1/environments", Map.of("name", name, "rank", rank, "accounts", accounts), 201);
    }

    /** A {@code webhook} runtime source whose HMAC secret the server reads from {@code secretEnv}. */
    public void createWebhookRuntimeSource(String name, String secretEnv) throws IOException, InterruptedException {
        send("POST", "/api/v1/runtime-sources", Map.of("name", name, "type", "webhook", "secretEnv", secretEnv), 201);
    }

    /** POSTs {@code body} unauthenticated with the given headers (signed hooks); the caller times it. */
    public Response postHook(String path, byte[] body, String... headers) throws IOException, InterruptedException {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        RawResponse r = api.withToken(null).exchange("POST", path, body, all);
        return new Response(r.status(), r.body(), false);
    }

    public void createApp(String name, String image) throws IOException, InterruptedException {
        send("POST", "/api/v1/apps", Map.of("name", name, "image", image), 201);
    }

    /** A registry that is polled; {@code maxConcurrency} 0 leaves the server's default. */
    public void createRegistry(String name, URI url, String pollInterval, int maxConcurrency)
            throws IOException, InterruptedException {
        Map<String, Object> body = maxConcurrency > 0
                ? Map.of(
                        "name",
                        name,
                        "url",
                        url.toString(),
                        "pollInterval",
                        pollInterval,
                        "maxConcurrency",
                        maxConcurrency)
                : Map.of("name", name, "url", url.toString(), "pollInterval", pollInterval);
        send("POST", "/api/v1/registries", body, 201);
    }

    /** A registry that sends notifications signed with {@code secret}. */
    public void createNotifyingRegistry(String name, URI url, String secret, String pollInterval)
            throws IOException, InterruptedException {
        send(
                "POST",
                "/api/v1/registries",
                Map.of("name", name, "url", url.toString(), "notificationSecret", secret, "pollInterval", pollInterval),
                201);
    }

    /** A target following {@code pinnedTag} with the {@code record} deployer and auto-deploy off. */
    public void putPinnedTarget(String app, String environment, String pinnedTag)
            throws IOException, InterruptedException {
        putTarget(app, environment, Map.of("policy", "pinned", "pinnedTag", pinnedTag, "autoDeploy", false));
    }

    /** A target with the {@code record} deployer watching with policy {@code semver}, auto-deploy on. */
    public void putSemverTarget(String app, String environment) throws IOException, InterruptedException {
        putTarget(app, environment, Map.of("policy", "semver", "autoDeploy", true));
    }

    private void putTarget(String app, String environment, Map<String, Object> watch)
            throws IOException, InterruptedException {
        Map<String, Object> body = Map.of("deployer", Map.of("type", "record"), "watch", watch);
        int status = send("PUT", "/api/v1/apps/" + app + "/targets/" + environment, body, -1)
                .status();
        if (status != 200 && status != 201) {
            throw new IllegalStateException("PUT target " + app + "/" + environment + " answered " + status);
        }
    }

    /** {@code POST /api/v1/apps/{app}/releases}; the body is serialised by the caller, outside any timing. */
    public Response createRelease(String app, byte[] body, String idempotencyKey)
            throws IOException, InterruptedException {
        String[] headers = idempotencyKey == null
                ? new String[] {"Content-Type", "application/json", "Accept", "application/json"}
                : new String[] {
                    "Content-Type", "application/json", "Accept", "application/json", "Idempotency-Key", idempotencyKey
                };
        RawResponse r = api.exchange("POST", "/api/v1/apps/" + app + "/releases", body, headers);
        return new Response(
                r.status(),
                r.body(),
                r.header("Idempotent-Replayed").map(Boolean::parseBoolean).orElse(false));
    }

    public Response get(String pathAndQuery) throws IOException, InterruptedException {
        return get(pathAndQuery, "application/json");
    }

    public Response get(String pathAndQuery, String accept) throws IOException, InterruptedException {
        RawResponse r = api.exchange("GET", pathAndQuery, (byte[]) null, "Accept", accept);
        return new Response(r.status(), r.body(), false);
    }

    public Stats stats(String registry) throws IOException, InterruptedException {
        JsonNode n = statsJson(registry);
        return new Stats(
                n.path("headManifest").asLong(),
                n.path("getManifest").asLong(),
                n.path("tagList").asLong(),
                n.path("catalog").asLong(),
                n.path("blob").asLong(),
                n.path("token").asLong(),
                n.path("total").asLong());
    }

    /** {@code GET /api/v1/registries/{name}/stats} as the server answers it. */
    public JsonNode statsJson(String registry) throws IOException, InterruptedException {
        return JSON.readTree(getOk("/api/v1/registries/" + registry + "/stats", "application/json"));
    }

    /** The Prometheus exposition at {@code GET /metrics} (no auth needed; the token is sent anyway). */
    public String metrics() throws IOException, InterruptedException {
        return getOk("/metrics", "text/plain");
    }

    /** One page of {@code GET /api/v1/artifacts}. */
    public JsonNode artifacts(String query) throws IOException, InterruptedException {
        return JSON.readTree(getOk("/api/v1/artifacts?" + query, "application/json"));
    }

    /** Every deploy of one app ({@code GET /api/v1/apps/{app}/deploys}, all pages). */
    public List<JsonNode> deploys(String app) throws IOException, InterruptedException {
        return all("/api/v1/apps/" + app + "/deploys");
    }

    /** Every release of one app ({@code GET /api/v1/apps/{app}/releases}, all pages). */
    public List<JsonNode> releases(String app) throws IOException, InterruptedException {
        return all("/api/v1/apps/" + app + "/releases");
    }

    public JsonNode target(String app, String environment) throws IOException, InterruptedException {
        return JSON.readTree(getOk("/api/v1/apps/" + app + "/targets/" + environment, "application/json"));
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private List<JsonNode> all(String path) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = JSON.readTree(
                    getOk(path + "?limit=500" + (cursor == null ? "" : "&cursor=" + cursor), "application/json"));
            page.path("items").forEach(items::add);
            JsonNode next = page.path("nextCursor");
            cursor = next.isString() ? next.asString() : null;
        } while (cursor != null);
        return items;
    }

    /** The body of a {@code GET} that must answer 200. */
    private String getOk(String path, String accept) throws IOException, InterruptedException {
        Response r = get(path, accept);
        if (r.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.status() + ": " + r.body());
        }
        return r.body();
    }

    private RawResponse send(String method, String path, Object body, int expected) {
        RawResponse r = api.exchange(
                method,
                path,
                JSON.writeValueAsBytes(body),
                "Content-Type",
                "application/json",
                "Accept",
                "application/json");
        if (expected > 0 && r.status() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.status() + ": " + r.body());
        }
        return r;
    }

    @Override
    public void close() {
        api.close();
    }
}
