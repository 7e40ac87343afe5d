package dev.catapult.runtime.docker;

import dev.catapult.runtime.RuntimeSourceRecord;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps one {@link HostWatch} per {@code docker} runtime source and Docker host: the source's
 * {@code endpoint} when it has one, else every distinct host of the {@code docker} targets. Sources and
 * targets created, changed or deleted later are picked up by a re-scan every
 * {@code catapult.runtime.docker.rescan-interval} (default 30 s). Every server replica watches every host:
 * they read the same events, which the archive stores once (deterministic event ids, byte-identical bodies).
 * Off with {@code catapult.runtime.docker.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "catapult.runtime.docker.enabled", havingValue = "true", matchIfMissing = true)
class DockerSourceWatcher {
    private static final Logger log = LoggerFactory.getLogger(DockerSourceWatcher.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /** One watch: a source (as it was created) and a host. */
    private record Key(long sourceId, Instant sourceCreated, String host) {}

    private final DockerIntake intake;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<Key, HostWatch> watches = new HashMap<>();
    private boolean closed;

    DockerSourceWatcher(DockerIntake intake, JsonMapper json, Clock clock) {
        this.intake = intake;
        this.json = json;
        this.clock = clock;
    }

    /** Starts watches for new sources and hosts, and stops those of deleted ones. */
    @Scheduled(fixedDelayString = "${catapult.runtime.docker.rescan-interval:30s}")
    synchronized void rescan() {
        if (closed) {
            return;
        }
        Map<Key, RuntimeSourceRecord> wanted = new HashMap<>();
        try {
            List<RuntimeSourceRecord> sources = intake.dockerSources();
            List<String> targetHosts =
                    sources.stream().anyMatch(s -> s.endpoint() == null) ? intake.targetHosts() : List.of();
            for (RuntimeSourceRecord s : sources) {
                Set<String> hosts = new LinkedHashSet<>(s.endpoint() != null ? List.of(s.endpoint()) : targetHosts);
                hosts.forEach(h -> wanted.put(new Key(s.id(), s.createdAt(), h), s));
            }
        } catch (RuntimeException e) {
            log.warn("Docker runtime sources: cannot read the sources and targets to watch: {}", e.toString());
            return;
        }
        watches.entrySet().removeIf(w -> {
            if (wanted.containsKey(w.getKey())) {
                return false;
            }
            log.info(
                    "Docker runtime source {}: no longer watching {}",
                    w.getValue().source().name(),
                    w.getKey().host());
            w.getValue().stop(STOP_WAIT);
            return true;
        });
        wanted.forEach((key, source) -> watches.computeIfAbsent(key, k -> {
            log.info("Docker runtime source {}: watching {}", source.name(), k.host());
            HostWatch w = new HostWatch(source, k.host(), intake, json, clock);
            w.start();
            return w;
        }));
    }

    /** Stops every watch; the next {@link #rescan()} starts them afresh (tests: a restarted server). */
    synchronized void stopAll() {
        watches.values().forEach(w -> w.stop(STOP_WAIT));
        watches.clear();
    }

    /** The hosts watched now, per source name. */
    synchronized Map<String, Set<String>> watching() {
        Map<String, Set<String>> out = new HashMap<>();
        watches.values()
                .forEach(w -> out.computeIfAbsent(w.source().name(), n -> new LinkedHashSet<>())
                        .add(w.host()));
        return out;
    }

    @PreDestroy
    synchronized void close() {
        closed = true;
        stopAll();
    }
}
