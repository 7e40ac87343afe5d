package dev.catapult.targets;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A target: the deployer of one app in one environment, its watch settings (none when it is not watched),
 * the hold on its automation, and the watch's last evaluation.
 *
 * @param lastEvaluation the evaluation document the watch stored, as it stored it; shown, never interpreted here
 */
public record Target(
        String app,
        String environment,
        DeployerSpec deployer,
        @Nullable WatchSpec watch,
        @Nullable TargetHold hold,
        @Nullable Map<String, Object> lastEvaluation,
        Instant updatedAt) {}
