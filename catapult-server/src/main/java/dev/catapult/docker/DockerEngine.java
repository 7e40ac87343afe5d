package dev.catapult.docker;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Engine API calls Catapult makes to one Docker host (Docker, or Podman's Docker-compatible API), at the
 * API version negotiated with the engine ({@link ApiVersion}).
 *
 * <p>Every call is bounded (30 s unless said otherwise) and aborted by an interrupt. Failures are
 * {@link EngineException}s whose message says what was asked and what the engine answered.
 */
public final class DockerEngine {
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    /** Receives the events of a stream, one at a time, as they arrive. */
    @FunctionalInterface
    public interface EventSink {
        void accept(EngineEvent event) throws InterruptedException;
    }

    private final EngineHttp http;
    private final String address;
    private final JsonMapper json;
    private final String version;
    private final @Nullable String pingDate;

    private DockerEngine(EngineHttp http, String address, JsonMapper json, String version, @Nullable String pingDate) {
        this.http = http;
        this.address = address;
        this.json = json;
        this.version = version;
        this.pingDate = pingDate;
    }

    /** Pings the engine at {@code address} ({@code unix:///…} or {@code tcp://host:port}) and settles the API version. */
    public static DockerEngine connect(String address, JsonMapper json) throws EngineException, InterruptedException {
        return connect(address, null, json, path -> {});
    }

    /**
     * Pings the engine at {@code tcp://host:port} over TLS, as a client holding {@code tls}'s certificate, and
     * settles the API version.
     */
    public static DockerEngine connect(String address, EngineTls tls, JsonMapper json)
            throws EngineException, InterruptedException {
        return connect(address, tls, json, path -> {});
    }

    /** {@link #connect(String, JsonMapper)}, telling {@code onRequest} the path of every request (tests). */
    static DockerEngine connect(String address, @Nullable EngineTls tls, JsonMapper json, Consumer<String> onRequest)
            throws EngineException, InterruptedException {
        EngineHttp http;
        try {
            http = new EngineHttp(DockerHost.parse(address, tls), onRequest);
        } catch (IOException e) {
            throw new EngineException("cannot connect to the Docker engine at " + address + ": " + describe(e));
        }
        EngineHttp.Answer ping = send(http, address, "GET", "/_ping", null, CALL_TIMEOUT);
        if (!ping.ok()) {
            throw new EngineException(
                    "the Docker engine at " + address + " answered /_ping with HTTP " + ping.status());
        }
        return new DockerEngine(http, address, json, ApiVersion.negotiate(ping.apiVersion()), ping.date());
    }

    /** The API version spoken on every call after the ping. */
    public String apiVersion() {
        return version;
    }

    /** The engine's clock when it answered the ping, to the second (its {@code Date} header), if it said. */
    public Optional<Instant> engineTime() {
        if (pingDate == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(pingDate, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code GET /containers/{id}/json}; empty when there is no such container. */
    public Optional<Container> inspect(String idOrName) throws EngineException, InterruptedException {
        EngineHttp.Answer r = call("GET", "/containers/" + encode(idOrName) + "/json", null, CALL_TIMEOUT);
        if (r.status() == 404) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw refused("inspecting container " + idOrName, r);
        }
        return Optional.of(Container.fromInspect(parse(r.body())));
    }

    /** Every container, running or not, carrying label {@code key} (whatever its value). */
    public List<ContainerSummary> containersLabelled(String key) throws EngineException, InterruptedException {
        return list(Map.of("label", List.of(key)));
    }

    /** Containers, running or not, one of whose names starts with {@code prefix}; only those names are kept. */
    public List<ContainerSummary> containersNamed(String prefix) throws EngineException, InterruptedException {
        // Container names are [a-zA-Z0-9_.-]: only the dot means something in the engine's regular expression.
        List<ContainerSummary> found = new ArrayList<>();
        for (ContainerSummary c : list(Map.of("name", List.of(prefix.replace(".", "\\."))))) {
            // the engine's filter is a substring match: keep true prefixes only
            List<String> names =
                    c.names().stream().filter(n -> n.startsWith(prefix)).toList();
            if (!names.isEmpty()) {
                found.add(new ContainerSummary(c.id(), names, c.created()));
            }
        }
        return found;
    }

    /** Creates container {@code name} ({@code POST /containers/create}); its id. */
    public String create(String name, ContainerSpec spec) throws EngineException, InterruptedException {
        EngineHttp.Answer r =
                call("POST", "/containers/create?name=" + encode(name), json.writeValueAsBytes(spec), CALL_TIMEOUT);
        if (!r.ok()) {
            throw refused("creating container " + name, r);
        }
        return parse(r.body()).path("Id").stringValue("");
    }

    /** Starts the container; one already running is left as it is (304). */
    public void start(String id) throws EngineException, InterruptedException {
        EngineHttp.Answer r = call("POST", "/containers/" + encode(id) + "/start", null, CALL_TIMEOUT);
        if (!r.ok() && r.status() != 304) {
            throw refused("starting container " + short12(id), r);
        }
    }

    /** Stops the container, killing it after {@code graceSeconds}; one already stopped is fine (304). */
    public void stop(String id, int graceSeconds) throws EngineException, InterruptedException {
        EngineHttp.Answer r = call(
                "POST",
                "/containers/" + encode(id) + "/stop?t=" + graceSeconds,
                null,
                CALL_TIMEOUT.plusSeconds(graceSeconds));
        if (!r.ok() && r.status() != 304) {
            throw refused("stopping container " + short12(id), r);
        }
    }

    public void rename(String id, String name) throws EngineException, InterruptedException {
        EngineHttp.Answer r =
                call("POST", "/containers/" + encode(id) + "/rename?name=" + encode(name), null, CALL_TIMEOUT);
        if (!r.ok()) {
            throw refused("renaming container " + short12(id) + " to " + name, r);
        }
    }

    /** Removes the container with its anonymous volumes, killing it if it runs; one already gone is fine. */
    public void remove(String id) throws EngineException, InterruptedException {
        EngineHttp.Answer r = call("DELETE", "/containers/" + encode(id) + "?force=true&v=true", null, CALL_TIMEOUT);
        if (!r.ok() && r.status() != 404) {
            throw refused("removing container " + short12(id), r);
        }
    }

    /** Pulls {@code reference} within {@code timeout}; the engine streams progress and reports errors inside a 200 answer. */
    public void pull(String reference, Duration timeout) throws EngineException, InterruptedException {
        EngineHttp.Answer r = call("POST", "/images/create?fromImage=" + encode(reference), null, timeout);
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

    /**
     * Follows {@code GET /events} for {@code query}, handing each event to {@code sink} as it arrives. Returns when
     * the engine ends the answer (a query with an end, or the engine shutting down) or sent nothing for
     * {@code idle}; an interrupt ends the stream and is thrown.
     */
    public void events(EventQuery query, Duration idle, EventSink sink) throws EngineException, InterruptedException {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("type", List.of(query.type()));
        filters.put("label", List.of(query.label()));
        filters.put("event", query.actions());
        String path = "/v" + version + "/events?filters=" + encode(json.writeValueAsString(filters)) + "&since="
                + encode(EventQuery.seconds(query.sinceNanos()))
                + (query.untilNanos() == null ? "" : "&until=" + encode(EventQuery.seconds(query.untilNanos())));
        try (EngineHttp.Stream stream = http.stream(path, idle)) {
            if (stream.status() / 100 != 2) {
                byte[] body = stream.body().readNBytes(64 * 1024);
                throw refused("following events", new EngineHttp.Answer(stream.status(), null, null, body));
            }
            EventLines.read(stream.body(), address, json, sink);
        } catch (IOException e) {
            if (EngineHttp.idle(e)) {
                return; // nothing for the idle limit: the caller connects again
            }
            if (EngineHttp.interrupted(e)) {
                Thread.interrupted();
                throw new InterruptedException("interrupted while following events of " + address);
            }
            throw new EngineException(
                    "cannot follow the events of the Docker engine at " + address + ": " + describe(e));
        }
    }

    private List<ContainerSummary> list(Map<String, List<String>> filters)
            throws EngineException, InterruptedException {
        EngineHttp.Answer r = call(
                "GET",
                "/containers/json?all=true&filters=" + encode(json.writeValueAsString(filters)),
                null,
                CALL_TIMEOUT);
        if (!r.ok()) {
            throw refused("listing containers", r);
        }
        List<ContainerSummary> found = new ArrayList<>();
        for (JsonNode c : parse(r.body())) {
            List<String> names = new ArrayList<>();
            c.path("Names").forEach(n -> names.add(n.stringValue("").replaceFirst("^/", "")));
            found.add(new ContainerSummary(
                    c.path("Id").stringValue(""), names, c.path("Created").asLong(0)));
        }
        return found;
    }

    private EngineHttp.Answer call(String method, String path, byte @Nullable [] body, Duration timeout)
            throws EngineException, InterruptedException {
        return send(http, address, method, "/v" + version + path, body, timeout);
    }

    private static EngineHttp.Answer send(
            EngineHttp http, String address, String method, String path, byte @Nullable [] body, Duration timeout)
            throws EngineException, InterruptedException {
        try {
            return http.exchange(method, path, body, timeout);
        } catch (IOException e) {
            throw new EngineException("cannot reach the Docker engine at " + address + ": " + describe(e));
        }
    }

    private static String describe(IOException e) {
        if (EngineHttp.refused(e)) {
            return "connection refused";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private EngineException refused(String what, EngineHttp.Answer r) {
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
            throw new EngineException("the Docker engine at " + address + " answered with malformed JSON");
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
