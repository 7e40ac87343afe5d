package dev.catapult.runtime;

import tools.jackson.databind.JsonNode;

/**
 * Reads the raw events of one kind of runtime source ({@code ecs-sqs}, {@code webhook}, {@code docker}).
 * Intake picks the reader by the source's type, both for new events and when it replays the archive.
 * Implementations throw {@link UnreadableEvent} for anything that can never be processed.
 */
public interface RuntimeEventReader {
    String sourceType();

    RuntimeEvent read(JsonNode event);
}
