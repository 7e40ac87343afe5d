package dev.catapult.platform;

/** No, or no valid, bearer token (HTTP 401). */
public final class Unauthenticated extends RuntimeException {
    public Unauthenticated(String message) {
        super(message, null, false, false);
    }
}
