package dev.catapult.deploy.docker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Plain HTTP to {@code tcp://host:port} with the JDK's client. The whole exchange, body included, is bounded
 * by the timeout (the client's own request timeout stops at the headers).
 */
final class TcpTransport implements EngineTransport {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final URI base;
  private final HttpClient http;

  TcpTransport(URI base) {
    this.base = base;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public EngineResponse exchange(String method, String path, byte @Nullable [] json, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
        .header("User-Agent", "catapult-docker-deployer")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    try {
      HttpResponse<byte[]> response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (response.body().length > UnixSocketTransport.MAX_BODY) {
        throw new IOException("response body larger than " + UnixSocketTransport.MAX_BODY + " bytes");
      }
      Map<String, String> headers = new LinkedHashMap<>();
      response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
      return new EngineResponse(response.statusCode(), headers, response.body());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new IOException("the Docker engine did not answer within " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(cause == null ? "request failed" : cause.toString(), cause);
    }
  }

  /** For messages: where this transport connects. */
  @Override
  public String toString() {
    return base.toString();
  }
}
