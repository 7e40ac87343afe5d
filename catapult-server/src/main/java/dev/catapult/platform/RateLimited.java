package dev.catapult.platform;

import java.time.Duration;
import java.util.Objects;

/** Too many attempts; try again after {@link #retryAfter()} (HTTP 429 with {@code Retry-After}). */
public final class RateLimited extends RuntimeException {
    private final Duration retryAfter;

    public RateLimited(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** Never null: every constructor takes the message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
