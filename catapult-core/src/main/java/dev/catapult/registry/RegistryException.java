package dev.catapult.registry;

/** A registry call failed; {@link #kind()} says whether trying again may help. The message has no secrets. */
public final class RegistryException extends RuntimeException {
    /** Why a call failed. */
    public enum Kind {
        /** Credentials missing or refused (401/403 after the auth dance). */
        UNAUTHORIZED,
        /** The repository, tag, manifest or blob does not exist. */
        NOT_FOUND,
        /** Too many requests; back off. */
        RATE_LIMITED,
        /** Network failure, timeout or 5xx: may succeed later. */
        UNAVAILABLE,
        /** The registry answered something malformed, or content did not match its digest. */
        INVALID
    }

    private final Kind kind;

    public RegistryException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RegistryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind == Kind.RATE_LIMITED || kind == Kind.UNAVAILABLE;
    }
}
