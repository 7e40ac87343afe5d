package dev.catapult.deploy.docker;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Engine API calls the deployer makes, at the API version negotiated with the engine: the engine's
 * version from {@code /_ping}'s {@code Api-Version} header, capped at the newest version this client was
 * checked against. Every field sent and read here is unchanged from API 1.40 (Docker 19.03, Podman 3)
 * through 1.51 (Docker 28), so the engine's own version is used within that range; engines from Docker 29 on
 * refuse versions below 1.44, which is why the cap is not simply the oldest version.
 */
final class EngineClient {
  static final String OLDEST_API = "1.40";
  static final String NEWEST_API = "1.51";
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern VERSION = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})$");

  /** A container found by name prefix: {@code GET /containers/json}. */
  record Listed(String id, String name, long created) {}

  private final EngineTransport transport;
  private final String host;
  private final JsonMapper json;
  private final String version;

  private EngineClient(EngineTransport transport, String host, JsonMapper json, String version) {
    this.transport = transport;
    this.host = host;
    this.json = json;
    this.version = version;
  }

  /** Pings {@code host} and settles the API version. */
  static EngineClient connect(EngineTransport transport, String host, JsonMapper json)
      throws EngineException, InterruptedException {
    EngineResponse ping = send(transport, host, "GET", "/_ping", null, CALL_TIMEOUT);
    if (!ping.ok()) {
      throw new EngineException("the Docker engine at " + host + " answered /_ping with HTTP " + ping.status());
    }
    return new EngineClient(transport, host, json, negotiate(ping.header("Api-Version")));
  }

  /** The version to speak to an engine offering {@code engineVersion}. */
  static String negotiate(@Nullable String engineVersion) throws EngineException {
    if (engineVersion == null || !VERSION.matcher(engineVersion.trim()).matches()) {
      throw new EngineException("the Docker engine did not state its API version (Api-Version: " + engineVersion + ")");
    }
    String offered = engineVersion.trim();
    if (compare(offered, OLDEST_API) < 0) {
      throw new EngineException("the Docker engine speaks API " + offered + "; the docker deployer needs " + OLDEST_API
          + " or later (Docker 19.03+, Podman 3+)");
    }
    return compare(offered, NEWEST_API) > 0 ? NEWEST_API : offered;
  }

  /** Compares {@code 1.9} and {@code 1.41} as versions, not as text. */
  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
    return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
  }

  String apiVersion() {
    return version;
  }

  /** Pulls {@code reference}; the engine streams progress and reports errors inside a 200 answer. */
  void pull(String reference, Duration timeout) throws EngineException, InterruptedException {
    EngineResponse r = call("POST", "/images/create?fromImage=" + encode(reference), null, timeout);
    if (!r.ok()) {
      throw refused("pulling " + reference, r);
    }
    for (String line : r.text().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode message = parse(line.getBytes(StandardCharsets.UTF_8));
      if (message.has("error") || message.has("errorDetail")) {
        String detail = message.path("errorDetail").path("message").stringValue(message.path("error").stringValue(""));
        throw new EngineException("pulling " + reference + " failed: " + abbreviate(detail));
      }
    }
  }

  Optional<EngineContainer> inspect(String idOrName) throws EngineException, InterruptedException {
    EngineResponse r = call("GET", "/containers/" + encode(idOrName) + "/json", null, CALL_TIMEOUT);
    if (r.status() == 404) {
      return Optional.empty();
    }
    if (!r.ok()) {
      throw refused("inspecting container " + idOrName, r);
    }
    return Optional.of(EngineContainer.fromInspect(parse(r.body())));
  }

  /** Containers, running or not, whose name starts with {@code prefix}. */
  List<Listed> named(String prefix) throws EngineException, InterruptedException {
    // Container names are [a-zA-Z0-9_.-]: only the dot means something in the engine's regular expression.
    String filters = json.writeValueAsString(Map.of("name", List.of(prefix.replace(".", "\\."))));
    EngineResponse r = call("GET", "/containers/json?all=true&filters=" + encode(filters), null, CALL_TIMEOUT);
    if (!r.ok()) {
      throw refused("listing containers", r);
    }
    List<Listed> found = new ArrayList<>();
    for (JsonNode c : parse(r.body())) {
      for (JsonNode n : c.path("Names")) {
        String name = n.stringValue("").replaceFirst("^/", "");
        if (name.startsWith(prefix)) { // the engine's filter is a substring match: keep true prefixes only
          found.add(new Listed(c.path("Id").stringValue(""), name, c.path("Created").asLong(0)));
        }
      }
    }
    return found;
  }

  /** Creates container {@code name} from {@code body} ({@code POST /containers/create}); its id. */
  String create(String name, Map<String, Object> body) throws EngineException, InterruptedException {
    EngineResponse r = call("POST", "/containers/create?name=" + encode(name), json.writeValueAsBytes(body), CALL_TIMEOUT);
    if (!r.ok()) {
      throw refused("creating container " + name, r);
    }
    return parse(r.body()).path("Id").stringValue("");
  }

  /** Starts the container; one already running is left as it is (304). */
  void start(String id) throws EngineException, InterruptedException {
    EngineResponse r = call("POST", "/containers/" + encode(id) + "/start", null, CALL_TIMEOUT);
    if (!r.ok() && r.status() != 304) {
      throw refused("starting container " + short12(id), r);
    }
  }

  /** Stops the container, killing it after {@code graceSeconds}; one already stopped is fine (304). */
  void stop(String id, int graceSeconds) throws EngineException, InterruptedException {
    EngineResponse r = call("POST", "/containers/" + encode(id) + "/stop?t=" + graceSeconds, null,
        CALL_TIMEOUT.plusSeconds(graceSeconds));
    if (!r.ok() && r.status() != 304) {
      throw refused("stopping container " + short12(id), r);
    }
  }

  void rename(String id, String name) throws EngineException, InterruptedException {
    EngineResponse r = call("POST", "/containers/" + encode(id) + "/rename?name=" + encode(name), null, CALL_TIMEOUT);
    if (!r.ok()) {
      throw refused("renaming container " + short12(id) + " to " + name, r);
    }
  }

  /** Removes the container with its anonymous volumes, killing it if it runs; one already gone is fine. */
  void remove(String id) throws EngineException, InterruptedException {
    EngineResponse r = call("DELETE", "/containers/" + encode(id) + "?force=true&v=true", null, CALL_TIMEOUT);
    if (!r.ok() && r.status() != 404) {
      throw refused("removing container " + short12(id), r);
    }
  }

  private EngineResponse call(String method, String path, byte @Nullable [] body, Duration timeout)
      throws EngineException, InterruptedException {
    return send(transport, host, method, "/v" + version + path, body, timeout);
  }

  private static EngineResponse send(EngineTransport transport, String host, String method, String path,
      byte @Nullable [] body, Duration timeout) throws EngineException, InterruptedException {
    try {
      return transport.exchange(method, path, body, timeout);
    } catch (IOException e) {
      throw new EngineException("cannot reach the Docker engine at " + host + ": " + describe(e));
    }
  }

  private static String describe(IOException e) {
    if (e instanceof ConnectException && e.getMessage() == null) {
      return "connection refused";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private EngineException refused(String what, EngineResponse r) {
    String message;
    try {
      message = parse(r.body()).path("message").stringValue(r.text());
    } catch (EngineException e) {
      message = r.text();
    }
    return new EngineException(what + " failed: " + abbreviate(message.strip()) + " (HTTP " + r.status() + ")");
  }

  private JsonNode parse(byte[] body) throws EngineException {
    try {
      return json.readTree(body);
    } catch (JacksonException e) {
      throw new EngineException("the Docker engine at " + host + " answered with malformed JSON");
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String short12(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
