package dev.catapult.cli.deploy;

import dev.catapult.api.StatusEntry;
import dev.catapult.api.StatusView;
import dev.catapult.client.ApiPath;
import dev.catapult.client.CatapultClient;
import dev.catapult.client.Json;
import dev.catapult.client.Pages;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** What is running in an environment, and what going back to an older version would remove. */
final class RollbackImpact {

    private RollbackImpact() {}

    /** The version whose deploy last succeeded in {@code environment}, if any (from the status matrix). */
    static Optional<Long> runningVersion(CatapultClient api, String app, String environment) {
        StatusView status = Json.convert(
                api.get(ApiPath.of("status").query("environment", environment).query("app", app)), StatusView.class);
        return status.entries().stream()
                .filter(entry -> entry.app().equals(app) && entry.environment().equals(environment))
                .map(StatusEntry::version)
                .filter(version -> version != null)
                .findFirst();
    }

    /**
     * The number of distinct commits added by the releases after {@code target} up to {@code running}: what
     * the environment loses by going back. Releases are listed newest first, so the walk stops at target.
     */
    private static int removedCommits(CatapultClient api, String app, long target, long running) {
        Set<String> removed = new HashSet<>();
        for (JsonNode release : Pages.of(api, ApiPath.of("apps", app, "releases"))) {
            long version = release.path("version").asLong();
            if (version <= target) {
                break;
            }
            if (version <= running) {
                release.path("commits").forEach(commit -> removed.add(commit.asString()));
            }
        }
        return removed.size();
    }

    /** What going back from {@code running} to {@code target} means, in the words deploy and rollback print. */
    static String summary(CatapultClient api, String app, long running, long target) {
        return summary(running, target, removedCommits(api, app, target, running));
    }

    private static String summary(long running, long target, int removed) {
        return "rolling back from v" + running + " to v" + target + ", removing " + removed
                + (removed == 1 ? " commit" : " commits");
    }
}
