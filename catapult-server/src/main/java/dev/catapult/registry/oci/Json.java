package dev.catapult.registry.oci;

import dev.catapult.registry.RegistryException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads registry JSON as trees: the client needs a few fields, not a schema. */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    static JsonNode parse(byte[] body, String what) {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new RegistryException(RegistryException.Kind.INVALID, what + " is not valid JSON");
        }
    }

    /** Best effort: the parsed tree, or a missing node when the body is not JSON (error bodies often are not). */
    static JsonNode tryParse(byte[] body) {
        try {
            return body.length == 0 ? MAPPER.missingNode() : MAPPER.readTree(body);
        } catch (JacksonException e) {
            return MAPPER.missingNode();
        }
    }
}
