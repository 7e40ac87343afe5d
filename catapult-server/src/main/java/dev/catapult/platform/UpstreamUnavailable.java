package dev.catapult.platform;

/** A system Catapult depends on (a registry, a runtime) did not answer usefully; try again later (HTTP 503). */
public final class UpstreamUnavailable extends RuntimeException {
    public UpstreamUnavailable(String message) {
        super(message, null, false, false);
    }
}
