package dev.catapult.registry.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import dev.catapult.registry.RegistryClient;
import dev.catapult.registry.RegistryException;
import dev.catapult.registry.RegistryException.Kind;
import dev.catapult.registry.RegistrySettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Docker token flow as registries with a token service (Docker Hub, GHCR, Harbor) run it: 401 with
 * {@code WWW-Authenticate: Bearer realm,service,scope}, then {@code GET realm?service&scope}, then the request
 * again with the token. Debian's registry has no token service, so a stub plays both parts.
 */
class OciTokenAuthTest {
    private static final String MANIFEST = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\"}";
    private static final String DIGEST = OciRegistryClient.sha256(MANIFEST.getBytes(StandardCharsets.UTF_8));
    private static final RegistrySettings.Auth BASIC = new RegistrySettings.Auth("basic", "REG_USER", "REG_PASSWORD");

    private StubServer stub;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger issued = new AtomicInteger();
    private volatile int tokenStatus = 200;

    @BeforeEach
    void startRegistryWithTokenService() {
        stub = StubServer.start();
        for (String repository : List.of("demo/app", "demo/other")) {
            stub.on("HEAD", "/v2/" + repository + "/manifests/1.0", exchange -> manifest(exchange, repository));
        }
        stub.on("GET", "/token", exchange -> {
            if (tokenStatus != 200) {
                StubServer.json(exchange, tokenStatus, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
                return;
            }
            String scope = query(exchange, "scope");
            StubServer.json(
                    exchange,
                    200,
                    "{\"token\":\"" + token(scope, issued.incrementAndGet())
                            + "\",\"expires_in\":300,\"issued_at\":\"2026-01-01T00:00:00Z\"}");
        });
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    /** Accepts only a token issued for this repository's pull scope. */
    private void manifest(HttpExchange exchange, String repository) throws Exception {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer tok:repository:" + repository + ":pull:")) {
            StubServer.reply(
                    exchange,
                    401,
                    Map.of(
                            "WWW-Authenticate",
                            "Bearer realm=\"" + stub.url() + "/token\"," + "service=\"stub.test\",scope=\"repository:"
                                    + repository + ":pull,push\""),
                    "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        StubServer.reply(
                exchange,
                200,
                Map.of("Content-Type", MediaTypes.OCI_MANIFEST, "Docker-Content-Digest", DIGEST),
                MANIFEST.getBytes(StandardCharsets.UTF_8));
    }

    private static String token(String scope, int serial) {
        return "tok:" + scope + ":" + serial;
    }

    private static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        return LinkHeader.queryParameter(URI.create("http://x/?" + query), name).orElse("");
    }

    private RegistryClient client(Map<String, String> env) {
        RegistrySettings settings = new RegistrySettings("stub", stub.url(), BASIC, 4, Duration.ofSeconds(5));
        return OciRegistryClients.create(settings, env::get, clock, Throttle.Policy.defaults());
    }

    @Test
    void bearerChallengeLeadsToOnePullTokenPerScopeThatLaterCallsReuse() {
        RegistryClient client = client(Map.of("REG_USER", "ci", "REG_PASSWORD", "pw"));

        client.head("demo/app", "1.0");
        client.head("demo/app", "1.0");
        client.head("demo/other", "1.0");

        List<StubServer.Seen> tokenRequests = stub.seen("GET", "/token");
        assertThat(tokenRequests).hasSize(2);
        assertThat(tokenRequests)
                .extracting(s -> s.query())
                .containsExactly(
                        "service=stub.test&scope=repository%3Ademo%2Fapp%3Apull",
                        "service=stub.test&scope=repository%3Ademo%2Fother%3Apull");
        String basic = "Basic " + Base64.getEncoder().encodeToString("ci:pw".getBytes(StandardCharsets.UTF_8));
        assertThat(tokenRequests)
                .allSatisfy(s -> assertThat(s.header("Authorization")).isEqualTo(basic));
        // the first call meets the challenge (2 requests); the others go straight in with their token
        assertThat(client.counts().headManifest()).isEqualTo(4);
        assertThat(client.counts().token()).isEqualTo(2);
    }

    @Test
    void anExpiredTokenIsNotReused() {
        RegistryClient client = client(Map.of("REG_USER", "ci", "REG_PASSWORD", "pw"));

        client.head("demo/app", "1.0");
        clock.advance(Duration.ofSeconds(299));
        client.head("demo/app", "1.0");

        assertThat(stub.seen("GET", "/token")).hasSize(2);
    }

    @Test
    void aTokenServiceRefusingTheCredentialsIsUnauthorizedAndTheMessageKeepsThemSecret() {
        tokenStatus = 401;
        RegistryClient client = client(Map.of("REG_USER", "ci", "REG_PASSWORD", "hunter2"));

        assertThatThrownBy(() -> client.head("demo/app", "1.0"))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED))
                .hasMessageContaining("token")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining(
                        Base64.getEncoder().encodeToString("ci:hunter2".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anonymousClientsGetAnonymousTokens() {
        RegistrySettings settings =
                new RegistrySettings("stub", stub.url(), RegistrySettings.Auth.none(), 4, Duration.ofSeconds(5));
        RegistryClient client = OciRegistryClients.create(settings, name -> null, clock, Throttle.Policy.defaults());

        assertThat(client.head("demo/app", "1.0")).isPresent();
        assertThat(stub.seen("GET", "/token"))
                .singleElement()
                .satisfies(s -> assertThat(s.header("Authorization")).isNull());
    }

    @Test
    void aRefusedTokenIsRenewedOnceAndThenTheCallFails() {
        stub.on(
                "HEAD",
                "/v2/demo/app/manifests/1.0",
                exchange -> StubServer.reply(
                        exchange,
                        401,
                        Map.of("WWW-Authenticate", "Bearer realm=\"" + stub.url() + "/token\",service=\"stub.test\""),
                        new byte[0]));
        RegistryClient client = client(Map.of("REG_USER", "ci", "REG_PASSWORD", "pw"));

        assertThatThrownBy(() -> client.head("demo/app", "1.0"))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED));
        assertThat(client.counts().headManifest()).isEqualTo(3);
        assertThat(client.counts().token()).isEqualTo(2);
    }

    @Test
    void challengeHeadersAreParsedWithCommasInsideQuotes() {
        List<Challenge> challenges =
                Challenge.parse("Basic realm=\"r\", Bearer realm=\"https://auth.test/token\",service=\"reg.test\","
                        + "scope=\"repository:a/b:pull,push\"");

        assertThat(challenges).extracting(Challenge::scheme).containsExactly("basic", "bearer");
        assertThat(challenges.get(1).params())
                .containsEntry("scope", "repository:a/b:pull,push")
                .containsEntry("service", "reg.test")
                .containsEntry("realm", "https://auth.test/token");
    }
}
