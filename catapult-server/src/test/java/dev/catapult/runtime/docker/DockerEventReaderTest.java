package dev.catapult.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catapult.docker.Container;
import dev.catapult.runtime.CrashLoop;
import dev.catapult.runtime.Instance;
import dev.catapult.runtime.InstanceStatus;
import dev.catapult.runtime.InstanceTransition;
import dev.catapult.runtime.RuntimeEvent;
import dev.catapult.runtime.Sidecars;
import dev.catapult.runtime.UnreadableEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Real events of a test dockerd (src/test/resources/runtime/docker/README.md), read as a docker source reads them. */
class DockerEventReaderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOST = "unix:///run/docker.sock";
    private static final String DIGEST = "sha256:80d90c2e5ad0bd1fbd6ec3131168e4faf846a63d339633e69b8354334c48132e";
    private static final List<JsonNode> LIFECYCLE = lines("events-lifecycle.jsonl");
    private static final List<JsonNode> TERM = lines("events-unhealthy-term.jsonl");
    private final DockerEventReader reader = new DockerEventReader();

    @Test
    void aStartedContainerWithCatapultsLabelsIsARunningInstanceOfItsAppEnvironmentAndDeploy() {
        JsonNode start = event(LIFECYCLE, "shop-web", "start", 0);
        RuntimeEvent.Task t = task(read(start, null));
        String id = start.at("/Actor/ID").asString();
        assertThat(t.account()).isEqualTo(HOST);
        assertThat(t.id())
                .isEqualTo(
                        HOST + "/containers/" + id + "@" + start.get("timeNano").asLong() + "/start");
        assertThat(t.detailType()).isEqualTo("docker container start");
        assertThat(t.placement()).isEqualTo(new RuntimeEvent.Placement("shop", "prod", "dep_123"));
        assertThat(t.task().taskArn()).isEqualTo(HOST + "/containers/" + id);
        assertThat(t.task().lastStatus()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(t.task().startedAt())
                .isEqualTo(instant(start))
                .isEqualTo(t.task().updatedAt());
        assertThat(t.task().containers()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("shop-web");
            assertThat(c.image().digest().value()).isEqualTo(DIGEST);
            assertThat(c.image().repository().value()).endsWith("/shop/web");
        });
        assertThat(t.task().version()).isEqualTo(start.get("timeNano").asLong() / 1000 * 16 + 2 + 1);
    }

    @Test
    void createIsPendingRestartAndUnpauseRunPauseAndUnhealthyStayRunningWithANote() {
        assertThat(task(read(event(LIFECYCLE, "shop-web", "create", 0), null))
                        .task()
                        .lastStatus())
                .isEqualTo(InstanceStatus.PENDING);
        assertThat(task(read(event(LIFECYCLE, "shop-web", "restart", 0), null))
                        .task()
                        .lastStatus())
                .isEqualTo(InstanceStatus.RUNNING);
        RuntimeEvent.Task paused = task(read(event(LIFECYCLE, "shop-web", "pause", 0), null));
        assertThat(paused.task().lastStatus()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(paused.task().stoppedReason()).isEqualTo("paused");
        RuntimeEvent.Task unpaused = task(read(event(LIFECYCLE, "shop-web", "unpause", 0), null));
        assertThat(unpaused.task().stoppedReason()).isNull();
        RuntimeEvent.Task healthy = task(read(event(LIFECYCLE, "shop-web", "health_status: healthy", 0), null));
        assertThat(healthy.task().lastStatus()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(healthy.task().stoppedReason()).isNull();
        RuntimeEvent.Task unhealthy = task(read(event(TERM, "shop-sick", "health_status: unhealthy", 0), null));
        assertThat(unhealthy.task().lastStatus()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(unhealthy.task().stoppedReason()).contains("unhealthy");
    }

    @Test
    void everyDieOfAContainerTheRestartPolicyRestartsIsOneFailure() {
        List<JsonNode> dies = all(LIFECYCLE, "shop-crash", "die");
        assertThat(dies).hasSize(5);
        Optional<Instance> current = Optional.empty();
        List<String> failures = new ArrayList<>();
        List<Instant> exits = new ArrayList<>();
        for (JsonNode e : all(LIFECYCLE, "shop-crash", null)) {
            RuntimeEvent read = read(e, null);
            if (!(read instanceof RuntimeEvent.Task t)) {
                continue;
            }
            Instance next = changed(InstanceTransition.apply(current, t.task(), Sidecars.defaults()));
            CrashLoop.failure(next, t.task().stopCode()).ifPresent(f -> {
                failures.add(f);
                exits.add(next.updatedAt());
            });
            current = Optional.of(next);
        }
        assertThat(failures).hasSize(5).containsOnly("exited with code 3");
        assertThat(current.get().stoppedReason()).isNull();
        assertThat(exits).doesNotHaveDuplicates();
        assertThat(current.get().status()).isEqualTo(InstanceStatus.STOPPED);
        assertThat(current.get().exitCode()).isEqualTo(3);
    }

    @Test
    void aContainerStoppedOnRequestIsStoppingThenStoppedAndNoFailureWhateverItsExitCode() {
        RuntimeEvent.Task kill = task(read(event(TERM, "shop-term", "kill", 0), null));
        assertThat(kill.task().lastStatus()).isEqualTo(InstanceStatus.STOPPING);
        assertThat(kill.task().desiredStatus()).isEqualTo("STOPPED");
        JsonNode die = event(TERM, "shop-term", "die", 0);
        assertThat(die.at("/Actor/Attributes/exitCode").asString())
                .as("the app exits 1 on SIGTERM")
                .isEqualTo("1");
        RuntimeEvent.Task asked = task(read(die, DockerActions.USER_INITIATED));
        assertThat(asked.task().lastStatus()).isEqualTo(InstanceStatus.STOPPED);
        assertThat(asked.task().stoppedReason()).isEqualTo("stopped on request (exit code 1)");
        assertThat(failure(asked)).isEmpty();
        RuntimeEvent.Task unexplained = task(read(die, null));
        assertThat(failure(unexplained))
                .as("without the kill before it, exit code 1 is a crash")
                .contains("exited with code 1");
        assertThat(unexplained.task().desiredStatus())
                .as("its restart policy may start it again")
                .isNull();
    }

    @Test
    void anOomKilledContainerIsAFailureEvenWithTheKillSignalsExitCode() {
        JsonNode die = event(LIFECYCLE, "shop-oom", "die", 0);
        assertThat(die.at("/Actor/Attributes/exitCode").asString()).isEqualTo("137");
        assertThat(failure(task(read(die, null))))
                .as("137 alone looks like an orderly SIGKILL")
                .isEmpty();
        RuntimeEvent.Task oom = task(read(die, DockerActions.OUT_OF_MEMORY));
        assertThat(oom.task().stoppedReason()).isEqualTo("killed: out of memory (exit code 137)");
        assertThat(failure(oom)).contains("killed: out of memory (exit code 137)");
    }

    @Test
    void destroyIsStoppedAndRemoved() {
        RuntimeEvent.Task destroy = task(read(event(LIFECYCLE, "shop-web", "destroy", 0), null));
        assertThat(destroy.task().lastStatus()).isEqualTo(InstanceStatus.STOPPED);
        assertThat(destroy.task().stoppedReason()).isEqualTo("removed");
        assertThat(failure(destroy)).isEmpty();
    }

    @Test
    void eventsThatSayNothingAboutWhatRunsAreArchivedAndIgnored() {
        assertThat(read(event(LIFECYCLE, "shop-web", "stop", 0), null)).isInstanceOf(RuntimeEvent.Other.class);
        assertThat(read(event(LIFECYCLE, "shop-oom", "oom", 0), null)).isInstanceOf(RuntimeEvent.Other.class);
        assertThat(read(event(LIFECYCLE, "shop-web", "exec_start", 0), null)).isInstanceOf(RuntimeEvent.Other.class);
        JsonNode hup = all(LIFECYCLE, "shop-web", "kill").stream()
                .filter(e -> e.at("/Actor/Attributes/signal").asString().equals("1"))
                .findFirst()
                .orElseThrow();
        assertThat(read(hup, null)).as("SIGHUP does not stop it").isInstanceOf(RuntimeEvent.Other.class);
        RuntimeEvent notOurs = read(event(LIFECYCLE, "not-ours", "start", 0), null);
        assertThat(notOurs).isInstanceOf(RuntimeEvent.Other.class);
        assertThat(notOurs.detailType()).isEqualTo("docker container start");
        JsonNode network = LIFECYCLE.stream()
                .filter(e -> e.get("Type").asString().equals("network"))
                .findFirst()
                .orElseThrow();
        assertThat(read(network, null)).isInstanceOf(RuntimeEvent.Other.class);
        JsonNode pull = LIFECYCLE.stream()
                .filter(e -> e.get("Type").asString().equals("image"))
                .findFirst()
                .orElseThrow();
        assertThat(read(pull, null).detailType()).isEqualTo("docker image pull");
    }

    @Test
    void oneContainersEventsAreOrderedAsTheEngineEmittedThemAndEqualTimesByLifecycle() {
        long previous = -1;
        for (JsonNode e : all(LIFECYCLE, "shop-web", null)) {
            if (read(e, null) instanceof RuntimeEvent.Task t) {
                assertThat(t.task().version()).as(e.get("Action").asString()).isGreaterThan(previous);
                previous = t.task().version();
            }
        }
        long t = 1_795_315_613_579_869_696L;
        assertThat(DockerActions.version(t, "die", false))
                .isGreaterThan(DockerActions.version(t, "kill", false))
                .isGreaterThan(DockerActions.version(t, "start", false))
                .isLessThan(DockerActions.version(t, "destroy", false));
        assertThat(DockerActions.version(t, "destroy", false))
                .isLessThan(DockerActions.version(t + 1_000, "create", false));
        assertThat(DockerActions.version(t, "start", true)).isLessThan(DockerActions.version(t, "start", false));
    }

    @Test
    void theSameEventReadTwiceIsTheSameEventAndItsEnvelopeTheSameBytes() {
        JsonNode die = event(LIFECYCLE, "shop-crash", "die", 2);
        String once = DockerEnvelopes.live(JSON, HOST, die, null);
        String again = DockerEnvelopes.live(JSON, HOST, JSON.readTree(JSON.writeValueAsString(die)), null);
        assertThat(again).isEqualTo(once);
        assertThat(reader.read(JSON.readTree(once)).id())
                .isEqualTo(reader.read(JSON.readTree(again)).id());
    }

    @Test
    void aRunningContainersStateBecomesAnEventOlderThanTheRealStartThatReportedIt() throws IOException {
        JsonNode inspect = resource("inspect-running.json");
        RuntimeEvent.Task state =
                task(reader.read(JSON.readTree(DockerEnvelopes.fromState(JSON, HOST, Container.fromInspect(inspect))
                        .orElseThrow())));
        assertThat(state.id())
                .startsWith("reconciled:" + HOST + "/containers/"
                        + inspect.get("Id").asString());
        assertThat(state.task().lastStatus()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(state.task().stoppedReason())
                .as("its health check failed after the pauses")
                .contains("unhealthy");
        assertThat(state.task().startedAt())
                .isEqualTo(Instant.parse(inspect.at("/State/StartedAt").asString()));
        assertThat(state.placement()).isEqualTo(new RuntimeEvent.Placement("shop", "prod", "dep_123"));
        JsonNode lastStart = all(LIFECYCLE, "shop-web", "start").getLast();
        assertThat(state.task().version())
                .isLessThan(task(read(lastStart, null)).task().version());
        assertThat(state.task().version())
                .isGreaterThan(task(read(all(LIFECYCLE, "shop-web", "die").get(1), null))
                        .task()
                        .version());
    }

    @Test
    void anExitedContainersStateIsStoppedWithItsCodeInTheReasonButNoFailure() throws IOException {
        JsonNode inspect = resource("inspect-exited.json");
        RuntimeEvent.Task state =
                task(reader.read(JSON.readTree(DockerEnvelopes.fromState(JSON, HOST, Container.fromInspect(inspect))
                        .orElseThrow())));
        assertThat(state.task().lastStatus()).isEqualTo(InstanceStatus.STOPPED);
        assertThat(state.task().stoppedReason()).isEqualTo("exited with code 3 (state found on reconnect)");
        assertThat(failure(state)).as("the real die events count, once").isEmpty();
        JsonNode lastDie = all(LIFECYCLE, "shop-crash", "die").getLast();
        assertThat(state.task().version())
                .isLessThan(task(read(lastDie, null)).task().version());
    }

    @Test
    void anInstanceTheEngineNoLongerListsIsRemovedAsOfTheEnginesClock() {
        String id = "c396ef7206c77d16215584da6c3b8062da947dee3f8a926d4176aeaf1e77ac81";
        Instant listed = Instant.parse("2026-11-22T03:00:00.000000001Z");
        String body = DockerEnvelopes.gone(
                JSON,
                HOST,
                new DockerIntake.Known(id, "shop-web", "127.0.0.1:44101/shop/web@" + DIGEST, "shop", "prod", "dep_123"),
                listed);
        RuntimeEvent.Task gone = task(reader.read(JSON.readTree(body)));
        assertThat(gone.id())
                .isEqualTo("reconciled:" + HOST + "/containers/" + id + "@"
                        + (listed.getEpochSecond() * 1_000_000_000L + 1) + "/destroy");
        assertThat(gone.task().taskArn()).isEqualTo(HOST + "/containers/" + id);
        assertThat(gone.task().lastStatus()).isEqualTo(InstanceStatus.STOPPED);
        assertThat(gone.task().stoppedReason()).isEqualTo("removed");
        assertThat(gone.task().containers().getFirst().image().digest().value()).isEqualTo(DIGEST);
        assertThat(gone.placement()).isEqualTo(new RuntimeEvent.Placement("shop", "prod", "dep_123"));
        assertThat(failure(gone)).isEmpty();
    }

    @Test
    void malformedEventsAreUnreadable() {
        JsonNode start = event(LIFECYCLE, "shop-web", "start", 0);
        assertUnreadable(JSON.createObjectNode().set("event", start), "host: is missing");
        assertUnreadable(envelope(JSON.getNodeFactory().stringNode("{not json")), "event: is missing");
        ObjectNode noId = (ObjectNode) start.deepCopy();
        ((ObjectNode) noId.get("Actor")).remove("ID");
        assertUnreadable(envelope(noId), "event.Actor.ID: is missing");
        ObjectNode noTime = (ObjectNode) start.deepCopy();
        noTime.remove("time");
        noTime.remove("timeNano");
        assertUnreadable(envelope(noTime), "event.timeNano: is missing");
        ObjectNode badExit =
                (ObjectNode) event(LIFECYCLE, "shop-crash", "die", 0).deepCopy();
        ((ObjectNode) badExit.at("/Actor/Attributes")).put("exitCode", "three");
        assertUnreadable(envelope(badExit), "exitCode: 'three' is not an integer");
        ObjectNode badImage = (ObjectNode) start.deepCopy();
        ((ObjectNode) badImage.at("/Actor/Attributes")).put("image", "Not A Reference!");
        assertUnreadable(envelope(badImage), "image");
        ObjectNode badId = (ObjectNode) start.deepCopy();
        ((ObjectNode) badId.get("Actor")).put("ID", "../../etc");
        assertUnreadable(envelope(badId), "is not a container id");
    }

    // --- helpers ---

    private void assertUnreadable(JsonNode envelope, String message) {
        assertThatThrownBy(() -> reader.read(envelope))
                .isInstanceOf(UnreadableEvent.class)
                .hasMessageContaining(message);
    }

    private static ObjectNode envelope(JsonNode event) {
        ObjectNode e = JSON.createObjectNode();
        e.put("host", HOST);
        e.set("event", event);
        return e;
    }

    private RuntimeEvent read(JsonNode event, @Nullable String stopCode) {
        return reader.read(JSON.readTree(DockerEnvelopes.live(JSON, HOST, event, stopCode)));
    }

    private static RuntimeEvent.Task task(RuntimeEvent e) {
        assertThat(e).isInstanceOf(RuntimeEvent.Task.class);
        return (RuntimeEvent.Task) e;
    }

    private static Optional<String> failure(RuntimeEvent.Task t) {
        return CrashLoop.failure(
                changed(InstanceTransition.apply(Optional.empty(), t.task(), Sidecars.defaults())),
                t.task().stopCode());
    }

    private static Instance changed(InstanceTransition.Outcome o) {
        assertThat(o).isInstanceOf(InstanceTransition.Outcome.Changed.class);
        return ((InstanceTransition.Outcome.Changed) o).instance();
    }

    private static Instant instant(JsonNode event) {
        return Instant.ofEpochSecond(0, event.get("timeNano").asLong());
    }

    /** The {@code n}th event (from 0) of container {@code name} whose action starts with {@code action}. */
    private static JsonNode event(List<JsonNode> events, String name, String action, int n) {
        List<JsonNode> found = all(events, name, action);
        assertThat(found).as("%s %s events", name, action).hasSizeGreaterThan(n);
        return found.get(n);
    }

    private static List<JsonNode> all(List<JsonNode> events, String name, @Nullable String action) {
        return events.stream()
                .filter(e -> e.get("Type").asString().equals("container"))
                .filter(e -> e.at("/Actor/Attributes/name").asString("").equals(name))
                .filter(e -> action == null || e.get("Action").asString().startsWith(action))
                .toList();
    }

    private static List<JsonNode> lines(String name) {
        try (InputStream in = DockerEventReaderTest.class.getResourceAsStream("/runtime/docker/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank())
                    .map(JSON::readTree)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = DockerEventReaderTest.class.getResourceAsStream("/runtime/docker/" + name)) {
            return JSON.readTree(in.readAllBytes());
        }
    }
}
