package dev.catapult.platform;

/** A request body went past the configured cap (HTTP 413). */
public final class PayloadTooLarge extends RuntimeException {
    public PayloadTooLarge(long limit) {
        super("request body is larger than " + limit + " bytes", null, false, false);
    }
}
