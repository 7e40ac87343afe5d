package dev.catapult.common;

import java.util.Objects;

/**
 * A decision refused a command. The HTTP edge maps each subtype to one status code; the message is
 * written for the person who sent the command and never contains secrets.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInput, NotFound, Conflict, Forbidden {

    protected DomainException(String message) {
        super(message, null, false, false);
    }

    /** Never null: the only constructor takes the message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
