package dev.catapult.api;

import java.time.Instant;

/**
 * {@code GET /api/v1/apps/{app}/environments/{env}/rollback-target}: the version a rollback goes to — the
 * most recent successful deploy in the environment of a version older than the running one.
 *
 * @param running the version running now
 * @param version the version to roll back to
 * @param deployId the deploy that last ran {@code version} in the environment
 * @param deployedAt when that deploy succeeded
 */
public record RollbackTargetView(
        String app, String environment, long running, long version, String deployId, Instant deployedAt) {}
