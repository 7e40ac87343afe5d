package dev.catapult.bench.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Catapult API calls this benchmark needs (setup, deploys, releases), over one keep-alive HTTP/1.1
 * client. Only ever talks to the server the benchmark started, on 127.0.0.1.
 */
final class NotifyApi implements AutoCloseable {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final URI base;
  private final String token;

  NotifyApi(URI base, String token) {
    if (!"127.0.0.1".equals(base.getHost())) {
      throw new IllegalArgumentException("the benchmark only targets 127.0.0.1, not " + base);
    }
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    this.base = base;
    this.token = token;
  }

  void createEnvironment(String name, int rank) throws IOException, InterruptedException {
    send("POST", "/api/v1/environments", Map.of("name", name, "rank", rank), 201);
  }

  void createRegistry(String name, URI url, String secret, String pollInterval) throws IOException, InterruptedException {
    send("POST", "/api/v1/registries", Map.of("name", name, "url", url.toString(), "notificationSecret", secret,
        "pollInterval", pollInterval), 201);
  }

  void createApp(String name, String image) throws IOException, InterruptedException {
    send("POST", "/api/v1/apps", Map.of("name", name, "image", image), 201);
  }

  /** A target with the {@code record} deployer watching with policy {@code semver}, auto-deploy on. */
  void putSemverTarget(String app, String environment) throws IOException, InterruptedException {
    Map<String, Object> body = Map.of("deployer", Map.of("type", "record"),
        "watch", Map.of("policy", "semver", "autoDeploy", true));
    int status = send("PUT", "/api/v1/apps/" + app + "/targets/" + environment, body, -1).statusCode();
    if (status != 200 && status != 201) {
      throw new IllegalStateException("PUT target " + app + "/" + environment + " answered " + status);
    }
  }

  /** Every deploy of one app ({@code GET /api/v1/apps/{app}/deploys}, all pages). */
  List<JsonNode> deploys(String app) throws IOException, InterruptedException {
    return all("/api/v1/apps/" + app + "/deploys");
  }

  /** Every release of one app ({@code GET /api/v1/apps/{app}/releases}, all pages). */
  List<JsonNode> releases(String app) throws IOException, InterruptedException {
    return all("/api/v1/apps/" + app + "/releases");
  }

  /** Requests the server sent to one registry since it started ({@code GET /api/v1/registries/{name}/stats}). */
  JsonNode stats(String registry) throws IOException, InterruptedException {
    return JSON.readTree(get("/api/v1/registries/" + registry + "/stats"));
  }

  JsonNode target(String app, String environment) throws IOException, InterruptedException {
    return JSON.readTree(get("/api/v1/apps/" + app + "/targets/" + environment));
  }

  private List<JsonNode> all(String path) throws IOException, InterruptedException {
    List<JsonNode> items = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = JSON.readTree(get(path + "?limit=500" + (cursor == null ? "" : "&cursor=" + cursor)));
      page.path("items").forEach(items::add);
      JsonNode next = page.path("nextCursor");
      cursor = next.isString() ? next.asString() : null;
    } while (cursor != null);
    return items;
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpRequest request = authorized(path).GET().build();
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
