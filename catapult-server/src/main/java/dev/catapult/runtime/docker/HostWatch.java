package dev.catapult.runtime.docker;

import dev.catapult.docker.CatapultLabels;
import dev.catapult.docker.Container;
import dev.catapult.docker.ContainerSummary;
import dev.catapult.docker.DockerEngine;
import dev.catapult.docker.EngineEvent;
import dev.catapult.docker.EngineException;
import dev.catapult.docker.EventQuery;
import dev.catapult.runtime.CrashLoop;
import dev.catapult.runtime.RuntimeSourceRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows one Docker host for one {@code docker} source, on a virtual thread of its own. Each connection:
 *
 * <ol>
 *   <li>pings the engine (its {@code Date} is the engine's "now", {@code T});
 *   <li>catches up: replays the engine's buffered events from the last one applied (on the first connection:
 *       from {@link CrashLoop#WINDOW} before {@code T}, so recent crashes count after a server restart) up to
 *       {@code T} — before reconciling, so that every missed {@code die} is applied and counted in order;
 *   <li>reconciles: lists the containers carrying Catapult's app label and feeds each one's state as a
 *       reconstructed event (older than any real event for the same change, so it never overrides one), and
 *       marks instances the engine no longer has as removed at {@code T};
 *   <li>follows {@code /events} from {@code T} (or the last event applied) for as long as the engine keeps it
 *       open, or until it was quiet for {@link #IDLE}; then connects again.
 * </ol>
 *
 * An event is the last one applied only once intake committed it, so an event whose intake failed (database
 * down) is read again on the next connection. Failures back off from 1 s to {@link #MAX_BACKOFF} and are
 * logged once per streak. Nothing here is shared with other hosts: one host failing stops no other.
 */
final class HostWatch implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(HostWatch.class);
    static final Duration IDLE = Duration.ofMinutes(10);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    private static final Duration SHORT_STREAM = Duration.ofSeconds(1);

    private final RuntimeSourceRecord source;
    private final String host;
    private final DockerIntake intake;
    private final JsonMapper json;
    private final Clock clock;
    /** Why a container is stopping, from its {@code kill} or {@code oom}, until its {@code die} says it stopped. */
    private final Map<String, String> stopping = new HashMap<>();

    private volatile boolean stopped;
    private volatile @Nullable Thread thread;
    /** {@code timeNano} of the last event intake took, or 0 before the first. */
    private long lastSeen;

    private int failures;

    HostWatch(RuntimeSourceRecord source, String host, DockerIntake intake, JsonMapper json, Clock clock) {
        this.source = source;
        this.host = host;
        this.intake = intake;
        this.json = json;
        this.clock = clock;
    }

    String host() {
        return host;
    }

    RuntimeSourceRecord source() {
        return source;
    }

    synchronized void start() {
        thread = Thread.ofVirtual()
                .name("docker-events " + source.name() + " " + host)
                .start(this);
    }

    /** Stops following: interrupts the connection, and waits up to {@code wait} for the thread to end. */
    void stop(Duration wait) {
        stopped = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                long began = System.nanoTime();
                try {
                    connectOnce();
                    if (System.nanoTime() - began < SHORT_STREAM.toNanos()) {
                        pause(); // an engine (or a proxy) that ends every stream at once must not make this a busy loop
                    }
                } catch (EngineException | RuntimeException e) {
                    if (stopped) {
                        return;
                    }
                    failed(e);
                    pause();
                }
            }
        } catch (InterruptedException e) {
            // stopped: the thread ends
        }
    }

    private void connectOnce() throws EngineException, InterruptedException {
        DockerEngine engine = DockerEngine.connect(host, json);
        Instant now = engine.engineTime().orElseGet(clock::instant);
        long nowNano = nanos(now);
        long from = lastSeen > 0 ? lastSeen : nanos(now.minus(CrashLoop.WINDOW));
        if (from < nowNano) {
            engine.events(query(from, nowNano), IDLE, this::onEvent);
        }
        reconcile(engine, now);
        if (failures > 0) {
            log.info(
                    "Docker runtime source {}: watching {} again (Docker Engine API {}) after {} failed attempt(s)",
                    source.name(),
                    host,
                    engine.apiVersion(),
                    failures);
            failures = 0;
        }
        engine.events(query(Math.max(lastSeen, nowNano), null), IDLE, this::onEvent);
    }

    /** The container events of Catapult's containers that change an instance, and {@code oom}. */
    private static EventQuery query(long sinceNanos, @Nullable Long untilNanos) {
        return new EventQuery("container", CatapultLabels.APP, DockerActions.FOLLOWED, sinceNanos, untilNanos);
    }

    /** Feeds the state of every labelled container, and the removal of every present instance the engine no longer has. */
    private void reconcile(DockerEngine engine, Instant now) throws EngineException, InterruptedException {
        Set<String> listed = new HashSet<>();
        for (ContainerSummary c : engine.containersLabelled(CatapultLabels.APP)) {
            String id = c.id();
            listed.add(id);
            Optional<Container> inspected = engine.inspect(id);
            if (inspected.isPresent()) {
                var body = DockerEnvelopes.fromState(json, host, inspected.get());
                if (body.isPresent()) {
                    intake.submit(source, body.get());
                }
            }
        }
        for (DockerIntake.Known known : intake.present(source, host)) {
            if (!listed.contains(known.containerId())) {
                intake.submit(source, DockerEnvelopes.gone(json, host, known, now));
            }
        }
    }

    /** One line of the event stream. */
    private void onEvent(EngineEvent line) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        switch (line) {
            case EngineEvent.Malformed m ->
                // Not an event: archive the line as it came (the reader refuses it, so it lands in the dead letters).
                intake.submit(
                        source,
                        DockerEnvelopes.live(json, host, json.getNodeFactory().stringNode(m.raw()), null));
            case EngineEvent.Parsed event -> {
                // The archive keeps the event exactly as the engine wrote it, every field included.
                JsonNode raw = json.readTree(event.raw());
                intake.submit(source, DockerEnvelopes.live(json, host, raw, stopCode(event)));
                if (event.timeNano() > lastSeen) {
                    lastSeen = event.timeNano();
                }
            }
        }
    }

    /** Remembers kills and OOMs; for a {@code die}, why the container stopped (null: on its own). */
    private @Nullable String stopCode(EngineEvent.Parsed event) {
        String id = event.actorId();
        String verb = DockerActions.verb(event.action());
        switch (verb) {
            case "kill" -> {
                if (DockerActions.endsContainer(event.attribute("signal"))) {
                    stopping.putIfAbsent(id, DockerActions.USER_INITIATED);
                }
            }
            case "oom" -> stopping.put(id, DockerActions.OUT_OF_MEMORY);
            case "die" -> {
                return stopping.remove(id);
            }
            case "start", "destroy" -> stopping.remove(id);
            default -> {
                // nothing to remember
            }
        }
        return null;
    }

    private void failed(Exception e) {
        failures++;
        if (failures == 1) {
            log.warn(
                    "Docker runtime source {}: cannot watch {}: {} (retrying with back-off up to {} s; logged again once it recovers)",
                    source.name(),
                    host,
                    e.getMessage() == null ? e.toString() : e.getMessage(),
                    MAX_BACKOFF.toSeconds());
        } else {
            log.debug(
                    "Docker runtime source {}: {} still unavailable (attempt {}): {}",
                    source.name(),
                    host,
                    failures,
                    e.toString());
        }
    }

    /** Waits 1, 2, 4 … up to {@link #MAX_BACKOFF} seconds, by the number of failures in a row. */
    private void pause() throws InterruptedException {
        long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(6, Math.max(0, failures - 1)));
        Thread.sleep(Duration.ofSeconds(seconds));
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
