package dev.catapult.runtime;

import static dev.catapult.runtime.EventFields.instant;
import static dev.catapult.runtime.EventFields.number;
import static dev.catapult.runtime.EventFields.optional;
import static dev.catapult.runtime.EventFields.text;

import dev.catapult.common.InvalidInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads EventBridge ECS events into core's records. Tolerant of what AWS adds (unknown fields) and of its
 * quirks (numbers that arrive as strings); strict about what the decisions need — anything missing or
 * invalid is an {@link UnreadableEvent} naming the field.
 */
final class EcsEvents {
    static final String TASK = "ECS Task State Change";
    static final String DEPLOYMENT = "ECS Deployment State Change";

    private EcsEvents() {}

    static RuntimeEvent parse(JsonNode event) {
        try {
            String id = text(event, "id", "id");
            String type = text(event, "detail-type", "detail-type");
            String account = text(event, "account", "account");
            JsonNode detail = event.get("detail");
            if (detail == null || !detail.isObject()) {
                throw new UnreadableEvent("detail: is missing");
            }
            return switch (type) {
                case TASK ->
                    new RuntimeEvent.Task(
                            id, type, account, task(account, detail, event), RuntimeEvent.Placement.UNKNOWN);
                case DEPLOYMENT -> deployment(id, type, account, detail, event);
                default -> new RuntimeEvent.Other(id, type, account);
            };
        } catch (InvalidInput e) {
            throw new UnreadableEvent(e.getMessage());
        }
    }

    private static TaskObservation task(String account, JsonNode d, JsonNode event) {
        List<TaskObservation.Container> containers = new ArrayList<>();
        JsonNode list = d.get("containers");
        if (list != null && list.isArray()) {
            for (JsonNode c : list) {
                String image = optional(c, "image");
                if (image == null) {
                    continue;
                }
                containers.add(new TaskObservation.Container(
                        text(c, "name", "detail.containers[].name"),
                        RunningImage.of(image, optional(c, "imageDigest")),
                        exitCode(c)));
            }
        }
        Instant updated = Optional.ofNullable(instant(d, "updatedAt")).orElseGet(() -> instant(event, "time"));
        if (updated == null) {
            throw new UnreadableEvent("detail.updatedAt: is missing");
        }
        return new TaskObservation(
                account,
                text(d, "taskArn", "detail.taskArn"),
                optional(d, "clusterArn"),
                optional(d, "group"),
                InstanceStatus.parse("detail.lastStatus", text(d, "lastStatus", "detail.lastStatus")),
                optional(d, "desiredStatus"),
                optional(d, "stoppedReason"),
                optional(d, "stopCode"),
                number(d, "version", "detail.version"),
                updated,
                instant(d, "startedAt"),
                containers);
    }

    private static RuntimeEvent deployment(String id, String type, String account, JsonNode d, JsonNode event) {
        Optional<RolloutState> state = RolloutState.fromEventName(text(d, "eventName", "detail.eventName"));
        if (state.isEmpty()) {
            return new RuntimeEvent.Other(id, type, account);
        }
        JsonNode resources = event.get("resources");
        if (resources == null
                || !resources.isArray()
                || resources.isEmpty()
                || !resources.get(0).isString()) {
            throw new UnreadableEvent("resources: the service ARN is missing");
        }
        Instant updated = Optional.ofNullable(instant(d, "updatedAt")).orElseGet(() -> instant(event, "time"));
        if (updated == null) {
            throw new UnreadableEvent("detail.updatedAt: is missing");
        }
        String reason = Optional.ofNullable(optional(d, "reason")).orElse("");
        return new RuntimeEvent.Deployment(
                id,
                type,
                account,
                new DeploymentObservation(
                        account,
                        resources.get(0).asString(),
                        text(d, "deploymentId", "detail.deploymentId"),
                        state.get(),
                        reason,
                        updated),
                RuntimeEvent.Placement.UNKNOWN);
    }

    private static @Nullable Integer exitCode(JsonNode container) {
        JsonNode v = container.get("exitCode");
        return v != null && v.isIntegralNumber() && v.canConvertToInt() ? Integer.valueOf(v.asInt()) : null;
    }
}
