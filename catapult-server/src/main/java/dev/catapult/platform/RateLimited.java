package dev.catapult.platform;

import java.time.Duration;

/** Too many attempts; try again after {@link #retryAfter()} (HTTP 429 with {@code Retry-After}). */
public final class RateLimited extends RuntimeException {
    private final Duration retryAfter;

    public RateLimited(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
