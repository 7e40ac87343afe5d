package dev.catapult.runtime;

import static dev.catapult.runtime.EventFields.instant;
import static dev.catapult.runtime.EventFields.optional;
import static dev.catapult.runtime.EventFields.text;

import dev.catapult.common.InvalidInput;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Catapult's own runtime event format, for runtimes without a native source (docs/runtime.md):
 * {@code {"id", "type": "instance"|"rollout", "time", …}}. An instance event names the instance, its image
 * and status, and optionally the app, environment (or cloud account), service, container, exit code, stop
 * code and the Catapult deploy that started it; {@code version} orders one instance's events (default: the
 * event time in milliseconds). A rollout event names the rollout, its service and state.
 */
final class GenericEvents {
    static final String INSTANCE = "instance";
    static final String ROLLOUT = "rollout";
    private static final int MAX_TEXT = 512;

    private GenericEvents() {}

    static RuntimeEvent parse(JsonNode event) {
        try {
            String id = bounded(event, "id");
            String type = text(event, "type", "type");
            Instant time = instant(event, "time");
            if (time == null) {
                throw new UnreadableEvent("time: is missing");
            }
            String account = Optional.ofNullable(optional(event, "account")).orElse("");
            RuntimeEvent.Placement placement = new RuntimeEvent.Placement(
                    optional(event, "app"), optional(event, "environment"), optional(event, "deployId"));
            return switch (type) {
                case INSTANCE ->
                    new RuntimeEvent.Task(id, "runtime instance", account, instance(event, account, time), placement);
                case ROLLOUT ->
                    new RuntimeEvent.Deployment(
                            id, "runtime rollout", account, rollout(event, account, time), placement);
                default ->
                    throw new UnreadableEvent("type: '" + type + "' is not a runtime event type (instance, rollout)");
            };
        } catch (InvalidInput e) {
            throw new UnreadableEvent(e.getMessage());
        }
    }

    private static TaskObservation instance(JsonNode e, String account, Instant time) {
        String instance = bounded(e, "instance");
        String service = optional(e, "service");
        String container = Optional.ofNullable(optional(e, "container"))
                .orElse(Optional.ofNullable(service).orElse("app"));
        RunningImage image = RunningImage.of(text(e, "image", "image"), optional(e, "digest"));
        long version = e.has("version") ? EventFields.number(e, "version", "version") : time.toEpochMilli();
        return new TaskObservation(
                account,
                instance,
                null,
                service == null ? null : "service:" + service,
                InstanceStatus.parse("status", text(e, "status", "status")),
                null,
                optional(e, "reason"),
                optional(e, "stopCode"),
                version,
                time,
                instant(e, "startedAt"),
                List.of(new TaskObservation.Container(container, image, exitCode(e))));
    }

    private static DeploymentObservation rollout(JsonNode e, String account, Instant time) {
        String state = text(e, "state", "state").toLowerCase(Locale.ROOT);
        RolloutState parsed = switch (state) {
            case "in_progress" -> RolloutState.IN_PROGRESS;
            case "completed" -> RolloutState.COMPLETED;
            case "failed" -> RolloutState.FAILED;
            default -> throw new UnreadableEvent("state: '" + state + "' is not in_progress, completed or failed");
        };
        JsonNode rollback = e.get("rollback");
        if (rollback != null && !rollback.isNull() && !rollback.isBoolean()) {
            throw new UnreadableEvent("rollback: must be true or false");
        }
        String reason = Optional.ofNullable(optional(e, "reason")).orElse("");
        boolean isRollback = rollback != null && rollback.asBoolean();
        // DeploymentObservation recognises ECS's circuit-breaker wording; the generic format says it outright.
        String recorded = isRollback && !reason.toLowerCase(Locale.ROOT).contains("rolling back")
                ? "circuit breaker: rolling back" + (reason.isEmpty() ? "" : ": " + reason)
                : reason;
        return new DeploymentObservation(account, bounded(e, "service"), bounded(e, "rollout"), parsed, recorded, time);
    }

    private static @Nullable Integer exitCode(JsonNode e) {
        JsonNode v = e.get("exitCode");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new UnreadableEvent("exitCode: must be an integer");
        }
        return v.asInt();
    }

    private static String bounded(JsonNode e, String name) {
        String value = text(e, name, name);
        if (value.length() > MAX_TEXT) {
            throw new UnreadableEvent(name + ": at most " + MAX_TEXT + " characters");
        }
        return value;
    }
}
