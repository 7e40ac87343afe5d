package dev.catapult.runtime;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading fields of runtime events: tolerant of what senders add and of numbers sent as strings, strict
 * about what the decisions need — a missing or invalid field is an {@link UnreadableEvent} naming it.
 */
final class EventFields {
    private EventFields() {}

    /** The message as a JSON object. */
    static JsonNode object(JsonMapper json, String raw) {
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

    static String text(JsonNode node, String name, String field) {
        String value = optional(node, name);
        if (value == null || value.isBlank()) {
            throw new UnreadableEvent(field + ": is missing");
        }
        return value;
    }

    static @Nullable String optional(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.isString() ? v.asString() : v.toString();
    }

    /** ECS sends some numbers as strings; both forms are accepted. */
    static long number(JsonNode node, String name, String field) {
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

    static @Nullable Instant instant(JsonNode node, String name) {
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
