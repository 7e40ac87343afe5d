package dev.catapult.docker;

import java.util.Objects;

/** The Docker engine refused a call or could not be reached; the message is fit for a deploy's history and for logs. */
public final class EngineException extends Exception {
    public EngineException(String message) {
        super(message);
    }

    /** Never null: every constructor takes the message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
