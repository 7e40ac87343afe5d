package dev.catapult.deploy.nomad;

import org.jspecify.annotations.Nullable;

/**
 * One dispatch's running state for people: what it is waiting for (named in a timeout), the external
 * reference (the Nomad API path of the evaluation, then the deployment, being followed) and progress messages.
 */
final class Tracker {
    private final String deployId;
    private final Progress progress;
    private final Tokens tokens;
    private String doing = "reading the job";
    private @Nullable String ref;

    Tracker(String deployId, Progress progress, Tokens tokens) {
        this.deployId = deployId;
        this.progress = progress;
        this.tokens = tokens;
    }

    /** Reports a step; {@code newRef}, when given, becomes the external reference. */
    void report(String message, @Nullable String newRef) {
        if (newRef != null) {
            ref = newRef;
        }
        progress.report(deployId, tokens.redact(message), ref);
    }

    void doing(String what) {
        doing = what;
    }

    String doing() {
        return tokens.redact(doing);
    }

    @Nullable
    String ref() {
        return ref;
    }

    String redact(String message) {
        return tokens.redact(message);
    }
}
