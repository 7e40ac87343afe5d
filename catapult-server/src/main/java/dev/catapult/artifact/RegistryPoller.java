package dev.catapult.artifact;

import dev.catapult.registry.Registries;
import dev.catapult.registry.RegistryClient;
import dev.catapult.registry.RegistryClients;
import dev.catapult.registry.RegistryException;
import dev.catapult.registry.RegistryRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety net under notifications (SPEC §5): per registry, every poll interval, one tag list per
 * watched repository and one {@code HEAD} per pinned tag — nothing else unless something changed. New or
 * vanished tags become {@code resolve-tag} jobs. Across replicas exactly one server polls a registry per
 * interval: claiming a cycle is a conditional update of the registry's {@code last_polled_at}.
 */
@Component
public class RegistryPoller {
    private static final Logger log = LoggerFactory.getLogger(RegistryPoller.class);
    private final Registries registries;
    private final RegistryClients clients;
    private final WatchedRepositories watched;
    private final Catalogue catalogue;
    private final TagSync tagSync;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final MeterRegistry meters;

    RegistryPoller(
            Registries registries,
            RegistryClients clients,
            WatchedRepositories watched,
            Catalogue catalogue,
            TagSync tagSync,
            JdbcClient jdbc,
            Clock clock,
            MeterRegistry meters) {
        this.meters = meters;
        this.registries = registries;
        this.clients = clients;
        this.watched = watched;
        this.catalogue = catalogue;
        this.tagSync = tagSync;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What one cycle looked at and found. */
    public record Cycle(String registry, int repositories, int newOrGoneTags, int movedPinnedTags, int failures) {}

    @Scheduled(fixedDelayString = "${catapult.registry.poll-check:5s}")
    void pollDueRegistries() {
        for (RegistryRecord r : registries.all()) {
            if (claim(r)) {
                try {
                    poll(r);
                } catch (RuntimeException e) {
                    log.warn("Polling registry {} failed: {}", r.name(), e.getMessage());
                }
            }
        }
    }

    private boolean claim(RegistryRecord r) {
        Instant now = clock.instant();
        return jdbc.sql("""
        update registries set last_polled_at = ? where id = ?
          and (last_polled_at is null or last_polled_at <= ?)
        """)
                        .params(Timestamp.from(now), r.id(), Timestamp.from(now.minus(r.pollInterval())))
                        .update()
                == 1;
    }

    /** Runs one poll cycle of {@code registry} now. */
    public Cycle poll(RegistryRecord registry) {
        long start = System.nanoTime();
        Cycle cycle = cycle(registry);
        long nanos = System.nanoTime() - start;
        Timer.builder("catapult.registry.poll")
                .tag("registry", registry.name())
                .description("Duration of one poll cycle")
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
        log.info(
                "Polled registry {}: {} repositories, {} new or vanished tags, {} moved pinned tags, {} failures in {} ms",
                registry.name(),
                cycle.repositories(),
                cycle.newOrGoneTags(),
                cycle.movedPinnedTags(),
                cycle.failures(),
                nanos / 1_000_000);
        return cycle;
    }

    private Cycle cycle(RegistryRecord registry) {
        RegistryClient client = clients.forRegistry(registry);
        Map<String, List<String>> repositories = watched.of(registry);
        int changed = 0;
        int moved = 0;
        int failures = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<int[]>> results = repositories.entrySet().stream()
                    .map(e -> pool.submit(() -> pollRepository(registry, client, e.getKey(), e.getValue())))
                    .toList();
            for (Future<int[]> f : results) {
                try {
                    int[] r = f.get();
                    changed += r[0];
                    moved += r[1];
                } catch (java.util.concurrent.ExecutionException e) {
                    failures++;
                    log.warn(
                            "Polling {} failed: {}",
                            registry.name(),
                            Objects.requireNonNullElse(e.getCause(), e).getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return new Cycle(registry.name(), repositories.size(), changed, moved, failures);
    }

    private int[] pollRepository(
            RegistryRecord registry, RegistryClient client, String repository, List<String> pinned) {
        List<String> tags;
        try {
            tags = client.tags(repository);
        } catch (RegistryException e) {
            if (e.kind() == RegistryException.Kind.NOT_FOUND) {
                tags = List.of();
            } else {
                throw e;
            }
        }
        Set<String> listed = new HashSet<>(tags);
        Set<String> known = new HashSet<>(catalogue.knownTags(registry.id(), repository));
        int changed = 0;
        for (String tag : tags) {
            if (!known.contains(tag) && !pinned.contains(tag)) {
                tagSync.request(registry.name(), repository, tag, "poll");
                changed++;
            }
        }
        for (String tag : known) {
            if (!listed.contains(tag) && !pinned.contains(tag)) {
                tagSync.request(registry.name(), repository, tag, "poll");
                changed++;
            }
        }
        int moved = 0;
        for (String tag : pinned) {
            String before = catalogue.currentTag(registry.id(), repository, tag).orElse(null);
            String after =
                    tagSync.resolve(registry, client, repository, tag, "poll").orElse(null);
            if (!java.util.Objects.equals(before, after)) {
                moved++;
            }
        }
        return new int[] {changed, moved};
    }
}
