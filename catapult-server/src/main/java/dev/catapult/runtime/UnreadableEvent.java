package dev.catapult.runtime;

import java.util.Objects;

/**
 * A runtime message that can never be processed as it is (not JSON, not an event we understand, invalid
 * values): retrying cannot help, so it goes to the dead letters instead of blocking the queue.
 */
public final class UnreadableEvent extends RuntimeException {
    public UnreadableEvent(String message) {
        super(message, null, false, false);
    }

    /** Never null: every constructor takes the message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
