package dev.catapult.runtime.docker;

import dev.catapult.docker.CatapultLabels;
import dev.catapult.docker.Container;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies a {@code docker} source archives ({@link DockerEventReader} reads them): a live event as the
 * engine wrote it, or a container's current state reconstructed as the event that would have reported it.
 * The same input always gives the same bytes, so the archive recognises what another replica (or an earlier
 * connection) already stored.
 */
final class DockerEnvelopes {
    private DockerEnvelopes() {}

    /** A live event of {@code host}, with the stop code the watcher inferred for a {@code die}. */
    static String live(JsonMapper json, String host, JsonNode event, @Nullable String stopCode) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("host", host);
        if (stopCode != null) {
            envelope.put("stopCode", stopCode);
        }
        envelope.set("event", event);
        return json.writeValueAsString(envelope);
    }

    /**
     * The state inspecting the container shows, as the event that last changed it, stamped with the
     * time the engine recorded for that change ({@code Created}, {@code State.StartedAt},
     * {@code State.FinishedAt}); empty for a container Catapult does not track or one being removed.
     */
    static Optional<String> fromState(JsonMapper json, String host, Container container) {
        Map<String, String> labels = container.labels();
        String id = container.id();
        String image = container.image();
        if (!labels.containsKey(CatapultLabels.APP)
                || !labels.containsKey(CatapultLabels.ENVIRONMENT)
                || id.isEmpty()
                || image.isEmpty()) {
            return Optional.empty();
        }
        Instant created = time(container.created());
        Instant started = time(container.startedAt());
        Instant finished = time(container.finishedAt());
        String stopCode = null;
        Integer exitCode = null;
        String action;
        Instant at;
        switch (container.status()) {
            case "created" -> {
                action = "create";
                at = created;
            }
            case "running" -> {
                action = "unhealthy".equals(container.health()) ? "health_status: unhealthy" : "start";
                at = started;
            }
            case "paused" -> {
                action = "pause";
                at = started;
            }
            case "restarting", "exited", "dead" -> {
                action = "die";
                at = finished;
                exitCode = container.exitCode();
                stopCode = container.oomKilled() ? DockerActions.OUT_OF_MEMORY : null;
            }
            default -> { // "removing", or a state this version does not know
                return Optional.empty();
            }
        }
        if (at == null) {
            at = created;
        }
        if (at == null) {
            return Optional.empty();
        }
        ObjectNode attributes = json.createObjectNode();
        labels.forEach(attributes::put);
        if (exitCode != null) {
            attributes.put("exitCode", Integer.toString(exitCode));
        }
        attributes.put("image", image);
        attributes.put("name", container.name());
        return Optional.of(reconciled(json, host, id, action, attributes, at, stopCode));
    }

    /** An instance the engine no longer has, as its {@code destroy} event at {@code at} (the engine's time before it listed its containers). */
    static String gone(JsonMapper json, String host, DockerIntake.Known known, Instant at) {
        ObjectNode attributes = json.createObjectNode();
        attributes.put(CatapultLabels.APP, known.app());
        attributes.put(CatapultLabels.ENVIRONMENT, known.environment());
        if (known.deployId() != null) {
            attributes.put(CatapultLabels.DEPLOY, known.deployId());
        }
        attributes.put("image", known.image());
        attributes.put("name", known.container());
        return reconciled(json, host, known.containerId(), "destroy", attributes, at, null);
    }

    private static String reconciled(
            JsonMapper json,
            String host,
            String id,
            String action,
            ObjectNode attributes,
            Instant at,
            @Nullable String stopCode) {
        ObjectNode event = json.createObjectNode();
        event.put("Type", "container");
        event.put("Action", action);
        ObjectNode actor = event.putObject("Actor");
        actor.put("ID", id);
        actor.set("Attributes", attributes);
        event.put("time", at.getEpochSecond());
        event.put("timeNano", at.getEpochSecond() * 1_000_000_000L + at.getNano());
        ObjectNode envelope = json.createObjectNode();
        envelope.put("host", host);
        envelope.put("reconciled", true);
        if (stopCode != null) {
            envelope.put("stopCode", stopCode);
        }
        envelope.set("event", event);
        return json.writeValueAsString(envelope);
    }

    /** An RFC 3339 time from an inspect answer; null for Go's zero time ({@code 0001-01-01…}, never happened). */
    private static @Nullable Instant time(String text) {
        try {
            Instant t = Instant.parse(text);
            return t.getEpochSecond() <= 0 ? null : t;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
