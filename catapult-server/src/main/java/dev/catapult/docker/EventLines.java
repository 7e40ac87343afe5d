package dev.catapult.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code /events}: one JSON object per line, read as the engine writes it (the stream never ends on
 * its own), each line handed on as soon as its newline arrives.
 */
final class EventLines {
    static final int MAX_EVENT_LINE = 1024 * 1024;

    private EventLines() {}

    /** Hands each line of {@code in} to {@code sink} until the engine ends the body. */
    static void read(InputStream in, String address, JsonMapper json, DockerEngine.EventSink sink)
            throws IOException, EngineException, InterruptedException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                return;
            }
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b != '\n') {
                    if (line.size() >= MAX_EVENT_LINE) {
                        throw new EngineException("the Docker engine at " + address + " sent an event longer than "
                                + MAX_EVENT_LINE + " bytes");
                    }
                    line.write(b);
                    continue;
                }
                String text = line.toString(StandardCharsets.UTF_8).strip();
                line.reset();
                if (!text.isEmpty()) {
                    sink.accept(event(json, text));
                }
            }
        }
    }

    /** One line: the fields a reader of container events needs, and the line itself. */
    static EngineEvent event(JsonMapper json, String line) {
        JsonNode e;
        try {
            e = json.readTree(line);
        } catch (JacksonException x) {
            return new EngineEvent.Malformed(line);
        }
        if (e == null || !e.isObject()) {
            return new EngineEvent.Malformed(line);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> a : e.path("Actor").path("Attributes").properties()) {
            if (a.getValue().isString()) {
                attributes.put(a.getKey(), a.getValue().asString());
            }
        }
        return new EngineEvent.Parsed(
                line,
                e.path("Type").asString(""),
                e.path("Action").asString(""),
                e.path("Actor").path("ID").asString(""),
                attributes,
                e.path("timeNano").asLong(0));
    }
}
