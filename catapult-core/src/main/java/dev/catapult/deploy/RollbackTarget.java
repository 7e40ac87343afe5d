package dev.catapult.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What "roll back app A in environment E" goes to — the one answer the API, the CLI and the UI share.
 *
 * <p>The rule: <b>the version of the most recent successful deploy in E, other than the one running now, whose
 * version is lower than the running one</b>. Why each part:
 *
 * <ul>
 *   <li><em>successful deploy in E</em> — a rollback goes back to something that actually ran in this
 *       environment. {@code running − 1} may never have been deployed here, or only failed here; going "back" to
 *       it would be an untried deploy under the name of a rollback.
 *   <li><em>most recent</em> — the version that ran last before the current one is the state people remember
 *       and the one the environment was last known to work with, not merely the highest older number.
 *   <li><em>lower than the running one</em> — rolling back lowers the version (SPEC §1); a newer version that
 *       once ran (say v7 before someone rolled back to v5) is a deploy forward, not a rollback. Redeploys of
 *       the running version are skipped the same way, so the answer is always a distinct, older release.
 *   <li><em>the whole history</em> — the answer may not depend on how many deploys a page shows: a long run of
 *       redeploys must not hide the previous version. When nothing older ever ran there is no target; the
 *       server does not guess.
 * </ul>
 */
public sealed interface RollbackTarget {

    /**
     * Roll back to {@code version}.
     *
     * @param running the version running now
     * @param deployId the deploy that last ran {@code version} here
     * @param deployedAt when that deploy succeeded
     */
    record To(long running, long version, String deployId, Instant deployedAt) implements RollbackTarget {
        public To {
            if (version >= running) {
                throw new IllegalArgumentException("v" + version + " is not older than the running v" + running);
            }
            Objects.requireNonNull(deployId, "deployId");
            Objects.requireNonNull(deployedAt, "deployedAt");
        }
    }

    /** There is nothing to roll back to, and why. */
    record None(String why) implements RollbackTarget {}

    /**
     * @param app the app, for the explanation
     * @param environment the environment, for the explanation
     * @param current the deploy whose version runs now (the environment's last success); {@code null} when none
     *     succeeded there
     * @param succeeded the successful deploys of the app in the environment, in any order (the current one
     *     may be among them)
     */
    static RollbackTarget of(
            String app, String environment, @Nullable SucceededDeploy current, List<SucceededDeploy> succeeded) {
        if (current == null) {
            return new None("app '" + app + "' has no successful deploy in '" + environment + "'");
        }
        long running = current.version();
        return succeeded.stream()
                .filter(d -> !d.id().equals(current.id()) && d.version() < running)
                .min(SucceededDeploy.NEWEST_FIRST)
                .<RollbackTarget>map(d -> new To(running, d.version(), d.id(), d.finishedAt()))
                .orElseGet(() -> new None("no version older than the running v" + running + " of app '" + app
                        + "' has run in '" + environment + "': nothing to roll back to"));
    }
}
