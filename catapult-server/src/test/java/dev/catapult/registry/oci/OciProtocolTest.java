package dev.catapult.registry.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catapult.common.InvalidInput;
import dev.catapult.registry.CatalogPage;
import dev.catapult.registry.ManifestDescriptor;
import dev.catapult.registry.RegistryClient;
import dev.catapult.registry.RegistryException;
import dev.catapult.registry.RegistryException.Kind;
import dev.catapult.registry.RegistrySettings;
import dev.catapult.registry.RequestCounts;
import dev.catapult.release.Digest;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What Debian's registry cannot show: Link paging, redirects, bad content, stalls, the concurrency bound. */
class OciProtocolTest {
    private static final byte[] MANIFEST = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    private static final String DIGEST = OciRegistryClient.sha256(MANIFEST);

    private StubServer stub;

    @BeforeEach
    void start() {
        stub = StubServer.start();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private RegistryClient client(
            RegistrySettings.Auth auth, int maxConcurrency, Duration timeout, Map<String, String> env) {
        RegistrySettings settings = new RegistrySettings("stub", stub.url(), auth, maxConcurrency, timeout);
        return OciRegistryClients.create(settings, env::get, Clock.systemUTC(), Throttle.Policy.defaults());
    }

    private RegistryClient client() {
        return client(RegistrySettings.Auth.none(), 4, Duration.ofSeconds(5), Map.of());
    }

    @Test
    void tagsFollowEveryLinkPageAndComeBackSorted() {
        stub.on("GET", "/v2/demo/app/tags/list", exchange -> {
            String query = String.valueOf(exchange.getRequestURI().getRawQuery());
            if (query.contains("last=b")) {
                StubServer.json(exchange, 200, "{\"name\":\"demo/app\",\"tags\":[\"a\",\"c\"]}");
                return;
            }
            if (query.contains("last=z")) {
                exchange.getResponseHeaders().add("Link", "</v2/demo/app/tags/list?n=2&last=b>; rel=\"next\"");
                StubServer.json(exchange, 200, "{\"name\":\"demo/app\",\"tags\":[\"y\",\"b\"]}");
                return;
            }
            exchange.getResponseHeaders()
                    .add("Link", "<" + stub.url() + "/v2/demo/app/tags/list?n=2&last=z>; rel=\"next\"");
            StubServer.json(exchange, 200, "{\"name\":\"demo/app\",\"tags\":[\"z\",\"1.0\"]}");
        });
        RegistryClient client = client();

        assertThat(client.tags("demo/app")).containsExactly("1.0", "a", "b", "c", "y", "z");
        assertThat(client.counts().tagList()).isEqualTo(3);
    }

    @Test
    void aNextPageOnAnotherHostIsRefused() {
        stub.on("GET", "/v2/demo/app/tags/list", exchange -> {
            exchange.getResponseHeaders()
                    .add("Link", "<http://127.0.0.2:1/v2/demo/app/tags/list?last=a>; rel=\"next\"");
            StubServer.json(exchange, 200, "{\"name\":\"demo/app\",\"tags\":[\"a\"]}");
        });

        assertThatThrownBy(() -> client().tags("demo/app"))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID));
    }

    @Test
    void catalogPageNamesTheNextPageFromItsLink() {
        stub.on("GET", "/v2/_catalog", exchange -> {
            exchange.getResponseHeaders().add("Link", "</v2/_catalog?last=b%2Fy&n=2>; rel=\"next\"");
            StubServer.json(exchange, 200, "{\"repositories\":[\"a/x\",\"b/y\"]}");
        });

        CatalogPage page = client().catalog("a/w", 2);

        assertThat(page).isEqualTo(new CatalogPage(List.of("a/x", "b/y"), "b/y"));
        assertThat(stub.seen().getFirst().query()).isEqualTo("n=2&last=a%2Fw");
    }

    @Test
    void headWithoutADigestHeaderFetchesTheManifestAndHashesIt() {
        stub.on(
                "HEAD",
                "/v2/demo/app/manifests/1.0",
                exchange -> StubServer.reply(exchange, 200, Map.of("Content-Type", MediaTypes.OCI_MANIFEST), MANIFEST));
        stub.on(
                "GET",
                "/v2/demo/app/manifests/1.0",
                exchange -> StubServer.reply(exchange, 200, Map.of("Content-Type", MediaTypes.OCI_MANIFEST), MANIFEST));
        RegistryClient client = client();

        ManifestDescriptor head = client.head("demo/app", "1.0").orElseThrow();

        assertThat(head)
                .isEqualTo(new ManifestDescriptor(new Digest(DIGEST), MediaTypes.OCI_MANIFEST, MANIFEST.length));
        assertThat(client.counts()).isEqualTo(new RequestCounts(1, 1, 0, 0, 0, 0));
    }

    @Test
    void aManifestThatDoesNotHashToTheRequestedDigestIsInvalid() {
        String other = OciRegistryClient.sha256("something else".getBytes(StandardCharsets.UTF_8));
        stub.on(
                "GET",
                "/v2/demo/app/manifests/" + other,
                exchange -> StubServer.reply(exchange, 200, Map.of("Content-Type", MediaTypes.OCI_MANIFEST), MANIFEST));

        assertThatThrownBy(() -> client().manifest("demo/app", other))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID))
                .hasMessageContaining("does not match");
    }

    @Test
    void aManifestLargerThanFourMebibytesIsRefusedWithoutReadingItAll() {
        stub.on("GET", "/v2/demo/app/manifests/huge", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", MediaTypes.OCI_MANIFEST);
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse it by
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 1024; i++) {
                    out.write(chunk);
                }
            }
        });

        assertThatThrownBy(() -> client().manifest("demo/app", "huge"))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID))
                .hasMessageContaining("larger than");
    }

    @Test
    void aBlobWhoseContentDoesNotMatchItsDigestFailsInvalidAtItsEnd() throws Exception {
        Digest claimed = new Digest(OciRegistryClient.sha256("the real layer".getBytes(StandardCharsets.UTF_8)));
        stub.on(
                "GET",
                "/v2/demo/app/blobs/" + claimed.value(),
                exchange ->
                        StubServer.reply(exchange, 200, Map.of(), "a tampered layer".getBytes(StandardCharsets.UTF_8)));

        try (InputStream in = client().blob("demo/app", claimed)) {
            assertThat(in.readNBytes(8)).isEqualTo("a tamper".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(in::readAllBytes)
                    .isInstanceOfSatisfying(
                            RegistryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID));
        }
    }

    @Test
    void aBlobRedirectedToAnotherHostIsFetchedWithoutTheAuthorizationHeader() throws Exception {
        byte[] layer = "layer bytes from the storage host".getBytes(StandardCharsets.UTF_8);
        Digest digest = new Digest(OciRegistryClient.sha256(layer));
        try (StubServer storage = StubServer.start()) {
            storage.on("GET", "/bucket/blob", exchange -> StubServer.reply(exchange, 200, Map.of(), layer));
            stub.on("GET", "/v2/demo/app/blobs/" + digest.value(), exchange -> {
                boolean authorized = "Bearer static-token"
                        .equals(exchange.getRequestHeaders().getFirst("Authorization"));
                StubServer.reply(
                        exchange,
                        authorized ? 307 : 401,
                        Map.of("Location", storage.url() + "/bucket/blob?X-Amz-Signature=s3cret"),
                        new byte[0]);
            });
            RegistryClient client = client(
                    new RegistrySettings.Auth("bearer", null, "REG_TOKEN"),
                    4,
                    Duration.ofSeconds(5),
                    Map.of("REG_TOKEN", "static-token"));

            byte[] read;
            try (InputStream in = client.blob("demo/app", digest)) {
                read = in.readAllBytes();
            }

            assertThat(read).isEqualTo(layer);
            assertThat(storage.seen()).singleElement().satisfies(s -> {
                assertThat(s.header("Authorization")).isNull();
                assertThat(s.query()).isEqualTo("X-Amz-Signature=s3cret");
            });
            assertThat(client.counts().blob()).isEqualTo(2);
        }
    }

    @Test
    void aRegistryThatDoesNotAnswerInTimeIsUnavailable() {
        stub.on("HEAD", "/v2/demo/app/manifests/1.0", exchange -> Thread.sleep(5_000));
        RegistryClient client = client(RegistrySettings.Auth.none(), 4, Duration.ofMillis(300), Map.of());
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.head("demo/app", "1.0"))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
                .hasMessageContaining("timed out");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void aBlobThatStallsMidwayIsUnavailable() throws Exception {
        Digest digest = new Digest(OciRegistryClient.sha256(new byte[1000]));
        stub.on("GET", "/v2/demo/app/blobs/" + digest.value(), exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            OutputStream out = exchange.getResponseBody();
            out.write(new byte[10]);
            out.flush();
            Thread.sleep(5_000);
        });
        RegistryClient client = client(RegistrySettings.Auth.none(), 4, Duration.ofMillis(300), Map.of());
        long start = System.nanoTime();

        try (InputStream in = client.blob("demo/app", digest)) {
            assertThatThrownBy(in::readAllBytes)
                    .isInstanceOfSatisfying(
                            RegistryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
                    .hasMessageContaining("no data");
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void requestsInFlightNeverExceedMaxConcurrency() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        stub.on("HEAD", "/v2/demo/app/manifests/1.0", exchange -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.sleep(100);
            inFlight.decrementAndGet();
            StubServer.reply(
                    exchange,
                    200,
                    Map.of("Content-Type", MediaTypes.OCI_MANIFEST, "Docker-Content-Digest", DIGEST),
                    MANIFEST);
        });
        RegistryClient client = client(RegistrySettings.Auth.none(), 2, Duration.ofSeconds(5), Map.of());

        List<Future<?>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> client.head("demo/app", "1.0")));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }

        assertThat(most.get()).isEqualTo(2);
        assertThat(client.counts().headManifest()).isEqualTo(8);
    }

    @Test
    void statusesMapToKinds() {
        assertThat(Failures.kindOf(401)).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(Failures.kindOf(403)).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(Failures.kindOf(404)).isEqualTo(Kind.NOT_FOUND);
        assertThat(Failures.kindOf(429)).isEqualTo(Kind.RATE_LIMITED);
        assertThat(Failures.kindOf(500)).isEqualTo(Kind.UNAVAILABLE);
        assertThat(Failures.kindOf(502)).isEqualTo(Kind.UNAVAILABLE);
        assertThat(Failures.kindOf(400)).isEqualTo(Kind.INVALID);
    }

    @Test
    void namesThatCouldEscapeTheirPathAreRefusedBeforeAnyRequest() {
        RegistryClient client = client();

        assertThatThrownBy(() -> client.head("../admin", "1.0")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> client.head("demo/app", "1.0/../../x")).isInstanceOf(InvalidInput.class);
        assertThat(stub.seen()).isEmpty();
    }
}
