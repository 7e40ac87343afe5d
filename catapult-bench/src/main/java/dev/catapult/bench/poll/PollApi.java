package dev.catapult.bench.poll;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Catapult API calls this benchmark needs (setup, request counters, poll timer, catalogue), over one
 * keep-alive HTTP/1.1 client. Only ever talks to the server the benchmark started, on 127.0.0.1.
 */
final class PollApi implements AutoCloseable {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final URI base;
  private final String token;

  PollApi(URI base, String token) {
    if (!"127.0.0.1".equals(base.getHost())) {
      throw new IllegalArgumentException("the benchmark only targets 127.0.0.1, not " + base);
    }
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    this.base = base;
    this.token = token;
  }

  /** Requests the server sent to one registry since it started, by kind ({@code GET /api/v1/registries/{name}/stats}). */
  record Stats(long headManifest, long getManifest, long tagList, long catalog, long blob, long token, long total) {
    static final Stats ZERO = new Stats(0, 0, 0, 0, 0, 0, 0);

    Stats minus(Stats o) {
      return new Stats(headManifest - o.headManifest, getManifest - o.getManifest, tagList - o.tagList,
          catalog - o.catalog, blob - o.blob, token - o.token, total - o.total);
    }

    /** Everything that is neither a manifest HEAD nor a tag-list page. */
    long other() {
      return total - headManifest - tagList;
    }
  }

  void createEnvironment(String name, int rank) throws IOException, InterruptedException {
    send("POST", "/api/v1/environments", Map.of("name", name, "rank", rank), 201);
  }

  void createRegistry(String name, URI url, String pollInterval, int maxConcurrency) throws IOException, InterruptedException {
    Map<String, Object> body = maxConcurrency > 0
        ? Map.of("name", name, "url", url.toString(), "pollInterval", pollInterval, "maxConcurrency", maxConcurrency)
        : Map.of("name", name, "url", url.toString(), "pollInterval", pollInterval);
    send("POST", "/api/v1/registries", body, 201);
  }

  void createApp(String name, String image) throws IOException, InterruptedException {
    send("POST", "/api/v1/apps", Map.of("name", name, "image", image), 201);
  }

  /** A target following {@code pinnedTag} with the {@code record} deployer and auto-deploy off. */
  void putPinnedTarget(String app, String environment, String pinnedTag) throws IOException, InterruptedException {
    Map<String, Object> body = Map.of("deployer", Map.of("type", "record"),
        "watch", Map.of("policy", "pinned", "pinnedTag", pinnedTag, "autoDeploy", false));
    int status = send("PUT", "/api/v1/apps/" + app + "/targets/" + environment, body, -1).statusCode();
    if (status != 200 && status != 201) {
      throw new IllegalStateException("PUT target " + app + "/" + environment + " answered " + status);
    }
  }

  Stats stats(String registry) throws IOException, InterruptedException {
    JsonNode n = JSON.readTree(get("/api/v1/registries/" + registry + "/stats", "application/json"));
    return new Stats(n.path("headManifest").asLong(), n.path("getManifest").asLong(), n.path("tagList").asLong(),
        n.path("catalog").asLong(), n.path("blob").asLong(), n.path("token").asLong(), n.path("total").asLong());
  }

  /** The Prometheus exposition at {@code GET /metrics} (no auth needed; the token is sent anyway). */
  String metrics() throws IOException, InterruptedException {
    return get("/metrics", "text/plain");
  }

  /** One page of {@code GET /api/v1/artifacts}. */
  JsonNode artifacts(String query) throws IOException, InterruptedException {
    return JSON.readTree(get("/api/v1/artifacts?" + query, "application/json"));
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private String get(String path, String accept) throws IOException, InterruptedException {
    HttpRequest request = authorized(path).setHeader("Accept", accept).GET().build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  private HttpResponse<String> send(String method, String path, Object body, int expected) throws IOException, InterruptedException {
    HttpRequest request = authorized(path).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (expected > 0 && r.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r;
  }

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json");
  }

  @Override
  public void close() {
    http.close();
  }
}
