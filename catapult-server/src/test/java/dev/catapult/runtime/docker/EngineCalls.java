package dev.catapult.runtime.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the tests do to a test Docker engine behind Catapult's back — create, start, stop, remove containers,
 * read its event log — straight through its Engine API (HTTP/1.0 over its unix socket), independent of the
 * code under test.
 */
final class EngineCalls {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private final Path socket;

  EngineCalls(Path socket) {
    this.socket = socket;
  }

  record Reply(int status, String body) {
    JsonNode json() {
      if (status / 100 != 2) {
        throw new AssertionError("engine answered " + status + ": " + body);
      }
      return JSON.readTree(body);
    }

    Reply ok() {
      if (status / 100 != 2) {
        throw new AssertionError("engine answered " + status + ": " + body);
      }
      return this;
    }
  }

  /** Pulls {@code image} (a digest reference from a test registry on 127.0.0.1). */
  void pull(String image) {
    call("POST", "/images/create?fromImage=" + encode(image), null).ok();
  }

  /** Creates a container; its id. */
  String create(String name, Map<String, Object> body) {
    return call("POST", "/containers/create?name=" + encode(name), body).json().get("Id").asString();
  }

  void start(String id) {
    call("POST", "/containers/" + id + "/start", null).ok();
  }

  void stop(String id) {
    call("POST", "/containers/" + id + "/stop?t=1", null).ok();
  }

  void remove(String id) {
    call("DELETE", "/containers/" + id + "?force=1", null);
  }

  JsonNode inspect(String id) {
    return call("GET", "/containers/" + id + "/json", null).json();
  }

  /** Every container carrying label {@code key}. */
  List<JsonNode> labelled(String key) {
    String filters = encode("{\"label\":[\"" + key + "\"]}");
    return call("GET", "/containers/json?all=1&filters=" + filters, null).json().valueStream().toList();
  }

  /** The engine's event log between two Unix times (seconds), one JSON object per line, as the engine wrote it. */
  String events(long since, long until) {
    return call("GET", "/events?since=" + since + "&until=" + until, null).ok().body();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** One request; an HTTP/1.0 answer is neither chunked nor kept alive, so it ends with the connection. */
  Reply call(String method, String path, @Nullable Object json) {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      byte[] body = json == null ? new byte[0] : JSON.writeValueAsBytes(json);
      String head = method + " " + path + " HTTP/1.0\r\nHost: engine\r\nContent-Type: application/json\r\nContent-Length: "
          + body.length + "\r\n\r\n";
      ByteBuffer out = ByteBuffer.allocate(head.length() + body.length).put(head.getBytes(StandardCharsets.US_ASCII)).put(body).flip();
      while (out.hasRemaining()) {
        channel.write(out);
      }
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      ByteBuffer buffer = ByteBuffer.allocate(16384);
      while (channel.read(buffer) >= 0) {
        buffer.flip();
        answer.write(buffer.array(), 0, buffer.limit());
        buffer.clear();
      }
      String text = answer.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      if (!text.startsWith("HTTP/1.") || end < 0) {
        throw new AssertionError(method + " " + path + ": not an HTTP answer: " + text);
      }
      return new Reply(Integer.parseInt(text.substring(9, 12)), text.substring(end + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " on " + socket, e);
    }
  }
}
