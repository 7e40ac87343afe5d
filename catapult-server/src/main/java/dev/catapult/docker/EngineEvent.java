package dev.catapult.docker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One line of the engine's {@code /events} stream. */
public sealed interface EngineEvent {
    /** The line exactly as the engine wrote it (without its newline): what an archive keeps. */
    String raw();

    /**
     * A JSON object, with the fields a reader of container events needs.
     *
     * @param attributes {@code Actor.Attributes} whose values are text (a container's labels, {@code image},
     *     {@code name}, {@code exitCode}, {@code signal} …)
     * @param timeNano {@code timeNano}, or 0 when the engine did not send it
     */
    record Parsed(String raw, String type, String action, String actorId, Map<String, String> attributes, long timeNano)
            implements EngineEvent {
        public Parsed {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        public @Nullable String attribute(String name) {
            return attributes.get(name);
        }
    }

    /** A line that is not a JSON object; handed on rather than dropped, so the reader can say what it was. */
    record Malformed(String raw) implements EngineEvent {}
}
