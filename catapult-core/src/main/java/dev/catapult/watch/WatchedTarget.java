package dev.catapult.watch;

import dev.catapult.app.ImageRepository;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A watched target as {@link WatchDecision#decide} needs it.
 *
 * @param repository the app's image repository
 * @param policy the target's compiled watch policy
 * @param autoDeploy whether the watch may deploy, or only say what it would deploy
 * @param hold the target's hold, if it has one (active or expired)
 * @param deployed what the environment runs now; {@code null} when nothing with an image runs there
 */
public record WatchedTarget(
        ImageRepository repository,
        WatchPolicy policy,
        boolean autoDeploy,
        @Nullable Hold hold,
        @Nullable Deployed deployed) {
    public WatchedTarget {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(policy, "policy");
    }
}
