package dev.catapult.common;

/** The actor is known but may not do this (HTTP 403). */
public final class Forbidden extends DomainException {
    public Forbidden(String message) {
        super(message);
    }
}
