package dev.catapult.artifact;

import dev.catapult.registry.RegistryRecord;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts registry notifications (already authenticated and parsed at the edge): archives each event once
 * by its id — a redelivery is recognised and does nothing — and turns push and delete events for tags into
 * {@code resolve-tag} jobs in the same transaction (I4: at least once, with idempotent effects).
 * A delete by digest re-resolves every tag the catalogue maps to that digest.
 */
@Service
public class RegistryIntake {
    private final JdbcClient jdbc;
    private final TagSync tags;
    private final Catalogue catalogue;
    private final Clock clock;

    RegistryIntake(JdbcClient jdbc, TagSync tags, Catalogue catalogue, Clock clock) {
        this.jdbc = jdbc;
        this.tags = tags;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** One notification event, as any supported registry format maps to it. */
    public record Event(
            String id,
            String action,
            String repository,
            @Nullable String tag,
            @Nullable String digest,
            @Nullable String mediaType) {}

    /** What intake did with a delivery. */
    public record Outcome(int accepted, int duplicates, int ignored, List<String> jobs) {}

    @Transactional
    public Outcome accept(RegistryRecord registry, List<Event> events) {
        int accepted = 0;
        int duplicates = 0;
        int ignored = 0;
        List<String> jobs = new ArrayList<>();
        for (Event e : events) {
            boolean relevant = (e.action().equals("push") || e.action().equals("delete"))
                    && (e.mediaType() == null || MediaTypes.isCatalogued(e.mediaType()));
            if (!relevant) {
                ignored++;
                continue;
            }
            int fresh = jdbc.sql("""
          insert into registry_events (registry_id, event_id, action, repository, tag, digest, received_at)
          values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
          """)
                    .params(
                            registry.id(),
                            e.id(),
                            e.action(),
                            e.repository(),
                            e.tag(),
                            e.digest(),
                            Timestamp.from(clock.instant()))
                    .update();
            if (fresh == 0) {
                duplicates++;
                continue;
            }
            accepted++;
            if (e.tag() != null) {
                jobs.add(tags.request(registry.name(), e.repository(), e.tag(), "notification"));
            } else if (e.action().equals("delete") && e.digest() != null) {
                for (String tag : catalogue.tagsOf(registry.id(), e.repository(), e.digest())) {
                    jobs.add(tags.request(registry.name(), e.repository(), tag, "notification"));
                }
            }
        }
        return new Outcome(accepted, duplicates, ignored, jobs);
    }
}
