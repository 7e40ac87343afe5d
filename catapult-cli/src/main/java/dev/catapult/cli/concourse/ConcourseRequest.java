package dev.catapult.cli.concourse;

import dev.catapult.cli.CliException;
import dev.catapult.client.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** The JSON Concourse writes to a resource script's stdin: {@code {source, version?, params?}}. */
record ConcourseRequest(ConcourseSource source, JsonNode version, JsonNode params) {

    static ConcourseRequest read(InputStream in) {
        JsonNode root;
        try {
            root = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | JacksonException e) {
            throw CliException.usage("cannot read the Concourse request on stdin: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw CliException.usage("the Concourse request on stdin must be a JSON object");
        }
        JsonNode version = root.path("version");
        return new ConcourseRequest(
                ConcourseSource.from(root.path("source")),
                version.isObject() ? version : MissingNode.getInstance(),
                root.path("params"));
    }

    /** The version's field ({@code version} or {@code id}), or {@code null} when Concourse sent none. */
    @Nullable
    String versionField(String name) {
        String value = version.path(name).asString(null);
        return value == null || value.isBlank() ? null : value;
    }
}
