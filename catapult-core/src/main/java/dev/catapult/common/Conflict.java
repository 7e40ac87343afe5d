package dev.catapult.common;

/** The command conflicts with the current state (HTTP 409). */
public final class Conflict extends DomainException {
    public Conflict(String message) {
        super(message);
    }
}
