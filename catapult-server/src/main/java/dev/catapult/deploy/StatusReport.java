package dev.catapult.deploy;

import org.jspecify.annotations.Nullable;

/**
 * An external system's report on a deploy, as sent; {@link Deployments#report} checks it after authorizing.
 *
 * @param status {@code in_progress}, {@code succeeded} or {@code failed}
 */
public record StatusReport(
        @Nullable String status,
        @Nullable String message,
        @Nullable String externalRef) {

    /** A report of {@code status} by the server itself (runtime correlation). */
    public static StatusReport of(DeployStatus status, String message) {
        return new StatusReport(status.wireName(), message, null);
    }
}
