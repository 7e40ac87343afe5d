package dev.catapult.deploy.docker;

import java.util.Objects;

/** The Docker engine refused a call or could not be reached; the message is fit for the deploy's history and for logs. */
public final class EngineException extends Exception {
    EngineException(String message) {
        super(message);
    }

    /** Never null: every constructor takes the message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
