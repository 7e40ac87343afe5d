package dev.catapult.registry.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catapult.registry.RegistryClient;
import dev.catapult.registry.RegistryException;
import dev.catapult.registry.RegistryException.Kind;
import dev.catapult.registry.RegistrySettings;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 429/503 with {@code Retry-After}, and {@code RateLimit-Remaining: 0}, as Docker Hub and GHCR send them. */
class OciBackoffTest {
    private static final String MANIFEST = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\"}";
    private static final Map<String, String> FOUND = Map.of(
            "Content-Type",
            MediaTypes.OCI_MANIFEST,
            "Docker-Content-Digest",
            OciRegistryClient.sha256(MANIFEST.getBytes(StandardCharsets.UTF_8)));
    private static final String PATH = "/v2/demo/app/manifests/1.0";

    private StubServer stub;

    @BeforeEach
    void start() {
        stub = StubServer.start();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private RegistryClient client(Throttle.Policy policy) {
        RegistrySettings settings =
                new RegistrySettings("stub", stub.url(), RegistrySettings.Auth.none(), 4, Duration.ofSeconds(5));
        return OciRegistryClients.create(settings, name -> null, Clock.systemUTC(), policy);
    }

    /** Answers {@code first} to the first {@code times} requests, then the manifest. */
    private void failFirst(int times, int status, Map<String, String> headers) {
        AtomicInteger seen = new AtomicInteger();
        stub.on("HEAD", PATH, exchange -> {
            if (seen.incrementAndGet() <= times) {
                StubServer.reply(exchange, status, headers, new byte[0]);
            } else {
                StubServer.reply(exchange, 200, FOUND, MANIFEST.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private long gapMillis(int first, int second) {
        List<StubServer.Seen> seen = stub.seen();
        return (seen.get(second).atNanos() - seen.get(first).atNanos()) / 1_000_000;
    }

    @Test
    void tooManyRequestsWaitsAsLongAsRetryAfterSaysThenSucceeds() {
        failFirst(1, 429, Map.of("Retry-After", "1"));
        RegistryClient client = client(Throttle.Policy.defaults());

        assertThat(client.head("demo/app", "1.0")).isPresent();

        assertThat(client.counts().headManifest()).isEqualTo(2);
        assertThat(gapMillis(0, 1)).isBetween(950L, 2_500L);
    }

    @Test
    void serviceUnavailableWithoutRetryAfterBacksOffExponentially() {
        failFirst(2, 503, Map.of());
        RegistryClient client =
                client(new Throttle.Policy(3, Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(1)));

        assertThat(client.head("demo/app", "1.0")).isPresent();

        assertThat(gapMillis(0, 1)).isBetween(90L, 1_000L);
        assertThat(gapMillis(1, 2)).isBetween(190L, 1_500L);
    }

    @Test
    void retriesAreBoundedAndThenTheCallIsRateLimited() {
        failFirst(Integer.MAX_VALUE, 429, Map.of());
        RegistryClient client =
                client(new Throttle.Policy(2, Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofSeconds(1)));

        assertThatThrownBy(() -> client.head("demo/app", "1.0"))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED));
        assertThat(client.counts().headManifest()).isEqualTo(3);
    }

    @Test
    void aRetryAfterLongerThanACallMayWaitFailsAtOnceAndPausesTheRegistry() {
        failFirst(1, 429, Map.of("Retry-After", "3600"));
        RegistryClient client = client(Throttle.Policy.defaults());
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.head("demo/app", "1.0"))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED));
        assertThatThrownBy(() -> client.tags("demo/app"))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED));

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
        assertThat(stub.seen()).hasSize(1);
    }

    @Test
    void noRequestsRemainingPausesTheWholeRegistryUntilTheWindowResets() {
        stub.on(
                "HEAD",
                PATH,
                exchange -> StubServer.reply(
                        exchange,
                        200,
                        Map.of(
                                "Content-Type",
                                MediaTypes.OCI_MANIFEST,
                                "Docker-Content-Digest",
                                FOUND.get("Docker-Content-Digest"),
                                "RateLimit-Remaining",
                                "0;w=21600",
                                "RateLimit-Reset",
                                "1"),
                        MANIFEST.getBytes(StandardCharsets.UTF_8)));
        stub.on(
                "GET",
                "/v2/demo/app/tags/list",
                exchange -> StubServer.json(exchange, 200, "{\"name\":\"demo/app\",\"tags\":[\"1.0\"]}"));
        RegistryClient client = client(Throttle.Policy.defaults());

        client.head("demo/app", "1.0");
        client.tags("demo/app");

        assertThat(gapMillis(0, 1)).isBetween(950L, 2_500L);
    }

    @Test
    void anInterruptDuringBackOffEndsTheWaitAndKeepsTheInterrupt() throws Exception {
        failFirst(1, 429, Map.of("Retry-After", "20"));
        RegistryClient client = client(Throttle.Policy.defaults());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                client.head("demo/app", "1.0");
            } catch (RuntimeException e) {
                failure.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (stub.seen().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100); // now sleeping out the Retry-After
        caller.interrupt();
        caller.join(2_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(failure.get())
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
        assertThat(stillInterrupted.get()).isTrue();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2015-10-21T07:27:00Z");

        assertThat(Throttle.retryAfter(headers("120"), now)).contains(Duration.ofSeconds(120));
        assertThat(Throttle.retryAfter(headers("Wed, 21 Oct 2015 07:28:00 GMT"), now))
                .contains(Duration.ofSeconds(60));
        assertThat(Throttle.retryAfter(headers("Wed, 21 Oct 2015 07:00:00 GMT"), now))
                .contains(Duration.ZERO);
        assertThat(Throttle.retryAfter(headers("soon"), now)).isEqualTo(Optional.empty());
    }

    private static HttpHeaders headers(String retryAfter) {
        return HttpHeaders.of(Map.of("Retry-After", List.of(retryAfter)), (a, b) -> true);
    }
}
