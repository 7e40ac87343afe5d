package dev.catapult.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few API calls the benchmark needs, over one keep-alive HTTP/1.1 client (its connection pool gives
 * each concurrent caller its own connection). Only ever talks to the server the benchmark started.
 */
final class CatapultClient implements AutoCloseable {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final URI base;
  private final String token;

  CatapultClient(URI base, String token) {
    if (!"127.0.0.1".equals(base.getHost())) {
      throw new IllegalArgumentException("the benchmark only targets 127.0.0.1, not " + base);
    }
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    this.base = base;
    this.token = token;
  }

  /** A response as the benchmark sees it: status, body and the replay marker of idempotent creates. */
  record Response(int status, String body, boolean replayed) {
    JsonNode json() {
      return JSON.readTree(body);
    }
  }

  void createEnvironment(String name, int rank) throws IOException, InterruptedException {
    expectCreated(post("/api/v1/environments", JSON.writeValueAsBytes(Map.of("name", name, "rank", rank)), null));
  }

  void createApp(String name, String image) throws IOException, InterruptedException {
    expectCreated(post("/api/v1/apps", JSON.writeValueAsBytes(Map.of("name", name, "image", image)), null));
  }

  /** {@code POST /api/v1/apps/{app}/releases}; the body is serialised by the caller, outside any timing. */
  Response createRelease(String app, byte[] body, String idempotencyKey) throws IOException, InterruptedException {
    return post("/api/v1/apps/" + app + "/releases", body, idempotencyKey);
  }

  Response get(String pathAndQuery) throws IOException, InterruptedException {
    return get(pathAndQuery, "application/json");
  }

  Response get(String pathAndQuery, String accept) throws IOException, InterruptedException {
    HttpRequest request = authorized(pathAndQuery).setHeader("Accept", accept).GET().build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.body(), false);
  }

  private Response post(String path, byte[] json, String idempotencyKey) throws IOException, InterruptedException {
    HttpRequest.Builder b = authorized(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json));
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.body(),
        r.headers().firstValue("Idempotent-Replayed").map(Boolean::parseBoolean).orElse(false));
  }

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json");
  }

  private static void expectCreated(Response r) {
    if (r.status() != 201) {
      throw new IllegalStateException("setup call failed with " + r.status() + ": " + r.body());
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
