package dev.catapult.deploy.docker;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-only access to a Docker Engine API host the {@code docker} deployer manages, for runtime tracking:
 * the labels the deployer puts on its containers, listing and inspecting them, and following the engine's
 * event stream. Same transports, version negotiation and messages as the deployer.
 */
public final class DockerHostReader {
    /** Labels every container the deployer creates carries. */
    public static final String APP_LABEL = ContainerBlueprint.APP;

    public static final String ENVIRONMENT_LABEL = ContainerBlueprint.ENVIRONMENT;
    public static final String RELEASE_LABEL = ContainerBlueprint.RELEASE;
    public static final String DEPLOY_LABEL = ContainerBlueprint.DEPLOY;

    /** Receives one event of the stream: the JSON object exactly as the engine wrote it. */
    @FunctionalInterface
    public interface EventSink {
        void accept(String event) throws InterruptedException;
    }

    private final EngineClient engine;
    private final JsonMapper json;

    private DockerHostReader(EngineClient engine, JsonMapper json) {
        this.engine = engine;
        this.json = json;
    }

    /** Pings {@code host} ({@code unix:///…} or {@code tcp://host:port}) and settles the API version. */
    public static DockerHostReader connect(String host, JsonMapper json) throws EngineException, InterruptedException {
        return new DockerHostReader(EngineClient.connect(EngineTransport.forHost(host), host, json), json);
    }

    public String apiVersion() {
        return engine.apiVersion();
    }

    /** The engine's clock when it answered the ping, to the second (its {@code Date} header), if it said. */
    public Optional<Instant> engineTime() {
        String date = engine.pingDate();
        if (date == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Every container, running or not, carrying label {@code key} (whatever its value). */
    public List<JsonNode> containersLabelled(String key) throws EngineException, InterruptedException {
        return engine.list(Map.of("label", List.of(key)));
    }

    /** {@code GET /containers/{id}/json}; empty when the container is gone. */
    public Optional<JsonNode> inspect(String id) throws EngineException, InterruptedException {
        return engine.inspectRaw(id);
    }

    /**
     * Follows {@code GET /events} with {@code filters} from {@code since} (Unix seconds, with a fraction) to
     * {@code until} (or, when null, for as long as the engine keeps the stream open), handing each event to
     * {@code sink}. Returns when the answer ends or nothing arrived for {@code idle}.
     */
    public void events(
            Map<String, List<String>> filters, String since, @Nullable String until, Duration idle, EventSink sink)
            throws EngineException, InterruptedException {
        String query = "filters=" + EngineClient.encode(json.writeValueAsString(filters)) + "&since="
                + EngineClient.encode(since) + (until == null ? "" : "&until=" + EngineClient.encode(until));
        engine.events(query, idle, sink::accept);
    }
}
