package dev.catapult.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testkit.docker.BusyboxImage;
import dev.catapult.testkit.docker.DockerEngineExtension;
import dev.catapult.testkit.registry.DockerRegistryExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The engine client against a real dockerd, over its unix socket and its plain TCP port on 127.0.0.1. */
class DockerEngineTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final DockerEngineExtension ENGINE = new DockerEngineExtension(true);

    @RegisterExtension
    static final DockerRegistryExtension REGISTRY = new DockerRegistryExtension();

    private static String image;

    @BeforeAll
    static void pushImage(@TempDir Path dir) {
        image = BusyboxImage.serving("v1").push(REGISTRY.get(), dir, "engine/web", "1");
    }

    @Test
    void engineApiVersionIsNegotiatedFromPingAndUsedOnEveryCall() throws Exception {
        List<String> paths = new CopyOnWriteArrayList<>();
        String offered = new EngineHttp(DockerHost.parse(ENGINE.get().host()), p -> {})
                .exchange("GET", "/_ping", null, Duration.ofSeconds(5))
                .apiVersion();

        DockerEngine engine = DockerEngine.connect(ENGINE.get().host(), null, JSON, paths::add);
        engine.pull(image, Duration.ofSeconds(30));
        engine.inspect("web-version");
        engine.containersNamed("web-version");

        assertThat(offered).as("Debian 12's docker.io is Docker 20.10").isEqualTo("1.41");
        assertThat(engine.apiVersion()).isEqualTo("1.41");
        assertThat(paths).hasSize(4).first().isEqualTo("/_ping");
        assertThat(paths.subList(1, 4)).allSatisfy(p -> assertThat(p).startsWith("/v1.41/"));
    }

    @Test
    void aContainerIsCreatedStartedInspectedListedStoppedAndRemoved() throws Exception {
        DockerEngine engine = DockerEngine.connect(ENGINE.get().host(), JSON);
        engine.pull(image, Duration.ofSeconds(30));

        String id = engine.create("engine-life", spec(Map.of(CatapultLabels.APP, "shop", "other", "x")));
        engine.start(id);
        engine.start(id); // already running: left as it is

        Container running = engine.inspect("engine-life").orElseThrow();
        assertThat(running.id()).isEqualTo(id);
        assertThat(running.name()).isEqualTo("engine-life");
        assertThat(running.image()).isEqualTo(image);
        assertThat(running.status()).isEqualTo("running");
        assertThat(running.running()).isTrue();
        assertThat(running.labels()).containsEntry(CatapultLabels.APP, "shop").containsEntry("other", "x");
        assertThat(running.bindings()).isEmpty();
        assertThat(Instant.parse(running.startedAt())).isAfter(Instant.parse(running.created()));
        assertThat(engine.containersLabelled(CatapultLabels.APP))
                .extracting(ContainerSummary::id)
                .contains(id);
        assertThat(engine.containersNamed("engine-li"))
                .singleElement()
                .satisfies(c -> assertThat(c.names()).containsExactly("engine-life"));

        engine.rename(id, "engine-renamed");
        engine.stop(id, 1);
        engine.stop(id, 1); // already stopped: fine
        Container stopped = engine.inspect(id).orElseThrow();
        assertThat(stopped.name()).isEqualTo("engine-renamed");
        assertThat(stopped.running()).isFalse();
        assertThat(stopped.status()).isEqualTo("exited");
        engine.remove(id);
        engine.remove(id); // already gone: fine
        assertThat(engine.inspect(id)).isEmpty();
    }

    @Test
    void refusalsSayWhatWasAskedAndWhatTheEngineAnswered() throws Exception {
        DockerEngine engine = DockerEngine.connect(ENGINE.get().host(), JSON);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.start("no-such-container"))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("starting container no-such-cont failed: ")
                .hasMessageContaining("no-such-container")
                .hasMessageEndingWith("(HTTP 404)");
    }

    @Test
    void eventsArriveAsTheEngineWritesThemUntilAnInterruptEndsTheStream() throws Exception {
        DockerEngine engine = DockerEngine.connect(ENGINE.get().host(), JSON);
        engine.pull(image, Duration.ofSeconds(30));
        long since = nanos(engine.engineTime().orElseThrow().minusSeconds(1));
        BlockingQueue<EngineEvent> events = new LinkedBlockingQueue<>();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread follower = Thread.ofVirtual().start(() -> {
            try {
                engine.events(
                        new EventQuery("container", CatapultLabels.APP, List.of("create", "start"), since, null),
                        Duration.ofMinutes(1),
                        e -> {
                            if (e instanceof EngineEvent.Parsed p && "engine-events".equals(p.attribute("name"))) {
                                events.put(e); // not those of the other tests' containers
                            }
                        });
                ended.complete(null);
            } catch (Throwable t) {
                ended.complete(t);
            }
        });

        String id = engine.create("engine-events", spec(Map.of(CatapultLabels.APP, "shop")));
        engine.start(id);
        EngineEvent.Parsed created = parsed(events.poll(20, TimeUnit.SECONDS));
        EngineEvent.Parsed started = parsed(events.poll(20, TimeUnit.SECONDS));
        follower.interrupt();

        assertThat(created.action()).isEqualTo("create");
        assertThat(created.type()).isEqualTo("container");
        assertThat(created.actorId()).isEqualTo(id);
        assertThat(created.attribute("name")).isEqualTo("engine-events");
        assertThat(created.attribute(CatapultLabels.APP)).isEqualTo("shop");
        assertThat(created.raw()).startsWith("{").contains("\"Action\":\"create\"");
        assertThat(started.action()).isEqualTo("start");
        assertThat(started.timeNano()).isGreaterThanOrEqualTo(created.timeNano());
        assertThat(ended.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);

        // A query with an end replays what the engine kept and returns on its own.
        List<EngineEvent> replayed = new CopyOnWriteArrayList<>();
        engine.events(
                new EventQuery(
                        "container", CatapultLabels.APP, List.of("start"), since, started.timeNano() + 1_000_000),
                Duration.ofSeconds(20),
                e -> {
                    if (e instanceof EngineEvent.Parsed p && p.actorId().equals(id)) {
                        replayed.add(e);
                    }
                });
        assertThat(replayed)
                .singleElement()
                .satisfies(e -> assertThat(parsed(e).actorId()).isEqualTo(id));
        engine.remove(id);
    }

    @Test
    void theTcpPortIsServedLikeTheSocket() throws Exception {
        DockerEngine engine = DockerEngine.connect(ENGINE.get().tcpHost(), JSON);

        assertThat(engine.apiVersion()).isEqualTo("1.41");
        assertThat(engine.inspect("no-such-container")).isEqualTo(Optional.empty());
        assertThat(engine.engineTime()).isPresent();
    }

    private static ContainerSpec spec(Map<String, String> labels) {
        return new ContainerSpec(
                image,
                List.of("MODE=test"),
                List.of(),
                labels,
                Map.of(),
                new ContainerSpec.HostConfig(Map.of(), new ContainerSpec.RestartPolicy("no")));
    }

    private static EngineEvent.Parsed parsed(EngineEvent e) {
        assertThat(e).as("an event").isInstanceOf(EngineEvent.Parsed.class);
        return (EngineEvent.Parsed) e;
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
