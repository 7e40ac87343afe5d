package dev.catapult.runtime.docker;

import dev.catapult.common.InvalidInput;
import dev.catapult.docker.CatapultLabels;
import dev.catapult.runtime.InstanceStatus;
import dev.catapult.runtime.RunningImage;
import dev.catapult.runtime.RuntimeEvent;
import dev.catapult.runtime.RuntimeEventReader;
import dev.catapult.runtime.TaskObservation;
import dev.catapult.runtime.UnreadableEvent;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads what a {@code docker} source archives: an envelope {@code {"host", "event", "stopCode"?, "reconciled"?}}
 * around one event exactly as the engine's {@code /events} stream wrote it ({@code Type}, {@code Action},
 * {@code Actor.ID}, {@code Actor.Attributes} — the container's labels, {@code image}, {@code name},
 * {@code exitCode} —, {@code time}, {@code timeNano}). The envelope adds what the bare event cannot say: the
 * host it came from, why a container stopped ({@link DockerActions#USER_INITIATED} after a kill,
 * {@link DockerActions#OUT_OF_MEMORY} after an {@code oom}, as the watcher saw them), and whether the watcher
 * made it up from the container's state on reconnect ({@code reconciled}).
 *
 * <p>Only container events of containers labelled with an app and an environment become instance changes;
 * everything else is archived and ignored. The instance is {@code <host>/containers/<id>}, its account the
 * host. The mapping of actions and the ordering are {@link DockerActions}'.
 */
@Component
class DockerEventReader implements RuntimeEventReader {
    static final String TYPE = "docker";
    private static final Pattern CONTAINER_ID = Pattern.compile("^[0-9a-f]{12,64}$");
    private static final int MAX_TEXT = 512;

    @Override
    public String sourceType() {
        return TYPE;
    }

    @Override
    public RuntimeEvent read(JsonNode envelope) {
        String host = text(envelope, "host", "host");
        if (host.length() > MAX_TEXT) {
            throw new UnreadableEvent("host: at most " + MAX_TEXT + " characters");
        }
        JsonNode event = envelope.get("event");
        if (event == null || !event.isObject()) {
            throw new UnreadableEvent("event: is missing");
        }
        boolean reconciled = envelope.path("reconciled").asBoolean(false);
        String type = text(event, "Type", "event.Type");
        String action = text(event, "Action", "event.Action");
        JsonNode actor = event.path("Actor");
        String id = text(actor, "ID", "event.Actor.ID");
        long timeNano = timeNano(event);
        JsonNode attributes = actor.path("Attributes");
        String instance = instanceId(host, id);
        String eventId = (reconciled ? "reconciled:" : "") + instance + "@" + timeNano + "/" + action;
        String verb = DockerActions.verb(action);
        String detailType = "docker " + type + " " + verb;
        String app = attribute(attributes, CatapultLabels.APP);
        String environment = attribute(attributes, CatapultLabels.ENVIRONMENT);
        if (!type.equals("container") || app == null || environment == null) {
            return new RuntimeEvent.Other(eventId, detailType, host);
        }
        if (!CONTAINER_ID.matcher(id).matches()) {
            throw new UnreadableEvent("event.Actor.ID: '" + abbreviate(id) + "' is not a container id");
        }
        @Nullable String stopCode = optional(envelope, "stopCode");
        Integer exitCode = exitCode(attributes);
        var change = DockerActions.change(
                action,
                attributes.path("signal").isString() ? attributes.get("signal").asString() : null,
                exitCode,
                stopCode,
                reconciled);
        if (change.isEmpty()) {
            return new RuntimeEvent.Other(eventId, detailType, host);
        }
        DockerActions.Change c = change.get();
        Instant at = Instant.ofEpochSecond(0, timeNano);
        RunningImage image;
        try {
            image = RunningImage.of(text(attributes, "image", "event.Actor.Attributes.image"), null);
        } catch (InvalidInput e) {
            throw new UnreadableEvent(e.getMessage());
        }
        String name = attribute(attributes, "name");
        TaskObservation task = new TaskObservation(
                host,
                instance,
                host,
                null,
                c.status(),
                c.desiredStatus(),
                c.reason(),
                c.stopCode(),
                DockerActions.version(timeNano, action, reconciled),
                at,
                c.started() || (reconciled && c.status() == InstanceStatus.RUNNING)
                        ? at
                        : null, // a running state is stamped StartedAt
                List.of(new TaskObservation.Container(name == null ? id.substring(0, 12) : name, image, c.exitCode())));
        return new RuntimeEvent.Task(
                eventId,
                detailType,
                host,
                task,
                new RuntimeEvent.Placement(app, environment, attribute(attributes, CatapultLabels.DEPLOY)));
    }

    /** The instance a container of {@code host} is: {@code unix:///var/run/docker.sock/containers/<id>}. */
    static String instanceId(String host, String containerId) {
        return host + "/containers/" + containerId;
    }

    /** Docker's {@code timeNano}; engines that send only {@code time} (seconds) are read to the second. */
    private static long timeNano(JsonNode event) {
        JsonNode nano = event.get("timeNano");
        if (nano != null && nano.isIntegralNumber() && nano.canConvertToLong() && nano.asLong() > 0) {
            return nano.asLong();
        }
        JsonNode seconds = event.get("time");
        if (seconds != null
                && seconds.isIntegralNumber()
                && seconds.canConvertToLong()
                && seconds.asLong() > 0
                && seconds.asLong() < Long.MAX_VALUE / 1_000_000_000L) {
            return seconds.asLong() * 1_000_000_000L;
        }
        throw new UnreadableEvent("event.timeNano: is missing");
    }

    private static @Nullable Integer exitCode(JsonNode attributes) {
        String text = attribute(attributes, "exitCode");
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new UnreadableEvent("event.Actor.Attributes.exitCode: '" + abbreviate(text) + "' is not an integer");
        }
    }

    private static @Nullable String attribute(JsonNode attributes, String name) {
        JsonNode v = attributes.get(name);
        return v == null || !v.isString() || v.asString().isBlank() ? null : v.asString();
    }

    private static @Nullable String optional(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || !v.isString() || v.asString().isBlank() ? null : v.asString();
    }

    private static String text(JsonNode node, String name, String field) {
        String value = optional(node, name);
        if (value == null) {
            throw new UnreadableEvent(field + ": is missing");
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
