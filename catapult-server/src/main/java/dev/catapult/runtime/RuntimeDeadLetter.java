package dev.catapult.runtime;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A message of a runtime source that could not be processed, kept with the reason. */
public record RuntimeDeadLetter(long id, @Nullable String messageId, String reason, String body, Instant receivedAt) {}
