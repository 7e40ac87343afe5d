package dev.catapult.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One app in one environment: the versions running there (more than one during a rollout), instance
 * counts over all of them, and the latest rollout the runtime reported for the app's service.
 * {@code recentFailures} counts the instances that died on their own in the last ten minutes;
 * {@code unstable} (crash loop) is true from three on.
 */
public record WhatsRunningWhereEntry(
        String app,
        String environment,
        List<WhatsRunningVersion> versions,
        int running,
        int pending,
        boolean unstable,
        int recentFailures,
        @Nullable RuntimeRolloutView rollout) {}
