package dev.catapult.artifact;

import dev.catapult.registry.RegistryRecord;
import dev.catapult.targets.Targets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a poll looks at in one registry: the repositories of active apps whose image lives there, and per
 * repository the tags a watch pins (mutable tags, re-checked with {@code HEAD} every cycle).
 */
@Component
class WatchedRepositories {
    private final JdbcClient jdbc;
    private final Targets targets;

    WatchedRepositories(JdbcClient jdbc, Targets targets) {
        this.jdbc = jdbc;
        this.targets = targets;
    }

    /** Repository path (without host) → pinned tags (possibly none), sorted for stable cycles. */
    Map<String, List<String>> of(RegistryRecord registry) {
        String prefix = registry.settings().host() + "/";
        Map<String, TreeSet<String>> watched = new TreeMap<>();
        jdbc.sql("select image from apps where archived_at is null and starts_with(image, ?)")
                .param(prefix)
                .query(String.class)
                .list()
                .forEach(image -> watched.computeIfAbsent(image.substring(prefix.length()), k -> new TreeSet<>()));
        targets.pinnedTags(prefix)
                .forEach(p -> watched.computeIfAbsent(p.image().substring(prefix.length()), k -> new TreeSet<>())
                        .add(p.tag()));
        Map<String, List<String>> out = new TreeMap<>();
        watched.forEach((repo, tags) -> out.put(repo, List.copyOf(tags)));
        return out;
    }
}
