package dev.catapult.cli.concourse;

import dev.catapult.client.Json;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code {version, metadata: [{name, value}]}} document {@code in} and {@code out} print. */
final class ConcourseOutput {

    private ConcourseOutput() {}

    static JsonNode of(JsonNode version, Map<String, String> metadata) {
        ObjectNode result = Json.mapper().createObjectNode();
        result.set("version", version);
        ArrayNode entries = result.putArray("metadata");
        metadata.forEach((name, value) -> entries.addObject().put("name", name).put("value", value));
        return result;
    }
}
