package dev.catapult.common;

/** The named thing does not exist (HTTP 404). */
public final class NotFound extends DomainException {
    public NotFound(String message) {
        super(message);
    }
}
