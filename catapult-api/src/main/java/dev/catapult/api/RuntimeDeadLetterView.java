package dev.catapult.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A runtime message that could not be processed: the body as received and why it was refused. */
public record RuntimeDeadLetterView(
        long id, @Nullable String messageId, String reason, String body, Instant receivedAt) {}
