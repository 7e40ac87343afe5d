package dev.catapult.runtime;

import dev.catapult.common.InvalidInput;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads EventBridge ECS events into core's records. Tolerant of what AWS adds (unknown fields) and of its
 * quirks (numbers that arrive as strings); strict about what the decisions need — anything missing or
 * invalid is an {@link UnreadableEvent} naming the field.
 */
final class EcsEvents {
  static final String TASK = "ECS Task State Change";
  static final String DEPLOYMENT = "ECS Deployment State Change";

  private EcsEvents() {}

  /** A parsed event: its envelope, and what it observed when it is a kind we track. */
  sealed interface Parsed {
    String id();

    String detailType();

    String account();

    record Task(String id, String detailType, String account, TaskObservation task) implements Parsed {}

    record Deployment(String id, String detailType, String account, DeploymentObservation deployment) implements Parsed {}

    /** An event of a kind (or a deployment event name) that says nothing about what runs. */
    record Other(String id, String detailType, String account) implements Parsed {}
  }

  static JsonNode tree(JsonMapper json, String raw) {
    try {
      JsonNode node = json.readTree(raw);
      if (node == null || !node.isObject()) {
        throw new UnreadableEvent("the message is not a JSON object");
      }
      return node;
    } catch (JacksonException e) {
      throw new UnreadableEvent("the message is not JSON: " + e.getOriginalMessage());
    }
  }

  static Parsed parse(JsonNode event) {
    try {
      String id = text(event, "id", "id");
      String type = text(event, "detail-type", "detail-type");
      String account = text(event, "account", "account");
      JsonNode detail = event.get("detail");
      if (detail == null || !detail.isObject()) {
        throw new UnreadableEvent("detail: is missing");
      }
      return switch (type) {
        case TASK -> new Parsed.Task(id, type, account, task(account, detail, event));
        case DEPLOYMENT -> deployment(id, type, account, detail, event);
        default -> new Parsed.Other(id, type, account);
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
        containers.add(new TaskObservation.Container(text(c, "name", "detail.containers[].name"),
            RunningImage.of(image, optional(c, "imageDigest"))));
      }
    }
    Instant updated = Optional.ofNullable(instant(d, "updatedAt")).orElseGet(() -> instant(event, "time"));
    if (updated == null) {
      throw new UnreadableEvent("detail.updatedAt: is missing");
    }
    return new TaskObservation(account, text(d, "taskArn", "detail.taskArn"), optional(d, "clusterArn"), optional(d, "group"),
        InstanceStatus.parse("detail.lastStatus", text(d, "lastStatus", "detail.lastStatus")), optional(d, "desiredStatus"),
        optional(d, "stoppedReason"), number(d, "version", "detail.version"), updated, instant(d, "startedAt"), containers);
  }

  private static Parsed deployment(String id, String type, String account, JsonNode d, JsonNode event) {
    Optional<RolloutState> state = RolloutState.fromEventName(text(d, "eventName", "detail.eventName"));
    if (state.isEmpty()) {
      return new Parsed.Other(id, type, account);
    }
    JsonNode resources = event.get("resources");
    if (resources == null || !resources.isArray() || resources.isEmpty() || !resources.get(0).isString()) {
      throw new UnreadableEvent("resources: the service ARN is missing");
    }
    Instant updated = Optional.ofNullable(instant(d, "updatedAt")).orElseGet(() -> instant(event, "time"));
    if (updated == null) {
      throw new UnreadableEvent("detail.updatedAt: is missing");
    }
    String reason = Optional.ofNullable(optional(d, "reason")).orElse("");
    return new Parsed.Deployment(id, type, account, new DeploymentObservation(account, resources.get(0).asString(),
        text(d, "deploymentId", "detail.deploymentId"), state.get(), reason, updated));
  }

  private static String text(JsonNode node, String name, String field) {
    String value = optional(node, name);
    if (value == null || value.isBlank()) {
      throw new UnreadableEvent(field + ": is missing");
    }
    return value;
  }

  private static @Nullable String optional(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v.isString() ? v.asString() : v.toString();
  }

  /** ECS sends some numbers as strings; both forms are accepted. */
  private static long number(JsonNode node, String name, String field) {
    JsonNode v = node.get(name);
    if (v != null && v.isIntegralNumber()) {
      return v.asLong();
    }
    if (v != null && v.isString()) {
      try {
        return Long.parseLong(v.asString().trim());
      } catch (NumberFormatException e) {
        throw new UnreadableEvent(field + ": '" + v.asString() + "' is not a number");
      }
    }
    throw new UnreadableEvent(field + ": is missing");
  }

  private static @Nullable Instant instant(JsonNode node, String name) {
    String v = optional(node, name);
    if (v == null) {
      return null;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new UnreadableEvent(name + ": '" + v + "' is not an ISO-8601 time");
    }
  }
}
