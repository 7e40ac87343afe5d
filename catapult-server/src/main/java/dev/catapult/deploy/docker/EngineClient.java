package dev.catapult.deploy.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.channels.ClosedByInterruptException;
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
 * The Engine API calls the deployer (and, through {@link DockerHostReader}, runtime tracking) makes, at the
 * API version negotiated with the engine: the engine's
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

    /** One line of a streamed answer: {@code /events} writes one JSON object per line. */
    @FunctionalInterface
    interface LineSink {
        void accept(String line) throws InterruptedException;
    }

    static final int MAX_EVENT_LINE = 1024 * 1024;

    private final EngineTransport transport;
    private final String host;
    private final JsonMapper json;
    private final String version;
    private final @Nullable String pingDate;

    private EngineClient(
            EngineTransport transport, String host, JsonMapper json, String version, @Nullable String pingDate) {
        this.transport = transport;
        this.host = host;
        this.json = json;
        this.version = version;
        this.pingDate = pingDate;
    }

    /** Pings {@code host} and settles the API version. */
    static EngineClient connect(EngineTransport transport, String host, JsonMapper json)
            throws EngineException, InterruptedException {
        EngineResponse ping = send(transport, host, "GET", "/_ping", null, CALL_TIMEOUT);
        if (!ping.ok()) {
            throw new EngineException("the Docker engine at " + host + " answered /_ping with HTTP " + ping.status());
        }
        return new EngineClient(transport, host, json, negotiate(ping.header("Api-Version")), ping.header("Date"));
    }

    /** The version to speak to an engine offering {@code engineVersion}. */
    static String negotiate(@Nullable String engineVersion) throws EngineException {
        if (engineVersion == null || !VERSION.matcher(engineVersion.trim()).matches()) {
            throw new EngineException(
                    "the Docker engine did not state its API version (Api-Version: " + engineVersion + ")");
        }
        String offered = engineVersion.trim();
        if (compare(offered, OLDEST_API) < 0) {
            throw new EngineException("the Docker engine speaks API " + offered + "; the docker deployer needs "
                    + OLDEST_API + " or later (Docker 19.03+, Podman 3+)");
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

    /** The {@code Date} header of the engine's answer to {@code /_ping} (its own clock, to the second), if it sent one. */
    @Nullable
    String pingDate() {
        return pingDate;
    }

    /** {@code GET /containers/json?all=true&filters=…}: every container, running or not, matching {@code filters}. */
    List<JsonNode> list(Map<String, List<String>> filters) throws EngineException, InterruptedException {
        EngineResponse r = call(
                "GET",
                "/containers/json?all=true&filters=" + encode(json.writeValueAsString(filters)),
                null,
                CALL_TIMEOUT);
        if (!r.ok()) {
            throw refused("listing containers", r);
        }
        List<JsonNode> found = new ArrayList<>();
        parse(r.body()).forEach(found::add);
        return found;
    }

    /** {@code GET /containers/{id}/json} as the engine wrote it; empty when there is no such container. */
    Optional<JsonNode> inspectRaw(String idOrName) throws EngineException, InterruptedException {
        EngineResponse r = call("GET", "/containers/" + encode(idOrName) + "/json", null, CALL_TIMEOUT);
        if (r.status() == 404) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw refused("inspecting container " + idOrName, r);
        }
        return Optional.of(parse(r.body()));
    }

    /**
     * {@code GET /events?…} ({@code query} without the {@code ?}): hands each line the engine writes to
     * {@code sink}, as it arrives, and returns when the engine ends the answer (a bounded query with
     * {@code until}, or the engine shutting down) or sent nothing for {@code idle}.
     */
    void events(String query, Duration idle, LineSink sink) throws EngineException, InterruptedException {
        String path = "/v" + version + "/events?" + query;
        try (EngineStream stream = transport.stream(path, idle)) {
            if (stream.status() / 100 != 2) {
                byte[] body = stream.body().readNBytes(64 * 1024);
                throw refused("following events", new EngineResponse(stream.status(), stream.headers(), body));
            }
            InputStream in = stream.body();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                if (b != '\n') {
                    if (line.size() >= MAX_EVENT_LINE) {
                        throw new EngineException("the Docker engine at " + host + " sent an event longer than "
                                + MAX_EVENT_LINE + " bytes");
                    }
                    line.write(b);
                    continue;
                }
                String text = line.toString(StandardCharsets.UTF_8).strip();
                line.reset();
                if (!text.isEmpty()) {
                    sink.accept(text);
                }
            }
        } catch (SocketTimeoutException e) {
            // nothing for the idle limit: the caller connects again
        } catch (ClosedByInterruptException e) {
            Thread.interrupted();
            throw new InterruptedException("interrupted while following events of " + host);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted while following events of " + host);
            }
            throw new EngineException("cannot follow the events of the Docker engine at " + host + ": " + describe(e));
        }
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
                String detail = message.path("errorDetail")
                        .path("message")
                        .stringValue(message.path("error").stringValue(""));
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
                    found.add(new Listed(
                            c.path("Id").stringValue(""),
                            name,
                            c.path("Created").asLong(0)));
                }
            }
        }
        return found;
    }

    /** Creates container {@code name} from {@code body} ({@code POST /containers/create}); its id. */
    String create(String name, Map<String, Object> body) throws EngineException, InterruptedException {
        EngineResponse r =
                call("POST", "/containers/create?name=" + encode(name), json.writeValueAsBytes(body), CALL_TIMEOUT);
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
        EngineResponse r = call(
                "POST",
                "/containers/" + encode(id) + "/stop?t=" + graceSeconds,
                null,
                CALL_TIMEOUT.plusSeconds(graceSeconds));
        if (!r.ok() && r.status() != 304) {
            throw refused("stopping container " + short12(id), r);
        }
    }

    void rename(String id, String name) throws EngineException, InterruptedException {
        EngineResponse r =
                call("POST", "/containers/" + encode(id) + "/rename?name=" + encode(name), null, CALL_TIMEOUT);
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

    private static EngineResponse send(
            EngineTransport transport,
            String host,
            String method,
            String path,
            byte @Nullable [] body,
            Duration timeout)
            throws EngineException, InterruptedException {
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

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String short12(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
