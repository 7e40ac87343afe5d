package dev.catapult.registry.oci;

import dev.catapult.registry.RegistryException;
import dev.catapult.registry.RegistryException.Kind;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Tokens from a registry's token service (the Docker token authentication flow, also used by GHCR, Harbor,
 * Quay, GitLab and others): {@code GET realm?service=…&scope=…}, with basic credentials when configured,
 * answered by {@code {"token" | "access_token", "expires_in"}}. Cached per (realm, service, scope) until
 * shortly before they expire; callers needing the same scope at once wait for one fetch.
 */
final class BearerTokens {
    /** The token spec's default lifetime when {@code expires_in} is absent. */
    private static final long DEFAULT_LIFETIME_SECONDS = 60;

    private static final long TOKEN_BODY_CAP = 1 << 20;

    private record Key(String realm, String service, String scope) {}

    private record Token(String value, Instant expiresAt) {}

    private final String registry;
    private final HttpClient http;
    private final Credentials credentials;
    private final Clock clock;
    private final Duration timeout;
    private final RequestCounters counters;
    private final Map<Key, Token> tokens = new ConcurrentHashMap<>();
    private final Map<Key, Object> fetching = new ConcurrentHashMap<>();

    BearerTokens(
            String registry,
            HttpClient http,
            Credentials credentials,
            Clock clock,
            Duration timeout,
            RequestCounters counters) {
        this.registry = registry;
        this.http = http;
        this.credentials = credentials;
        this.clock = clock;
        this.timeout = timeout;
        this.counters = counters;
    }

    /** A valid token for the scope, fetched only if none is cached. */
    String token(Challenge challenge, String scope) {
        Key key = key(challenge, scope);
        Optional<String> cached = valid(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        synchronized (fetching.computeIfAbsent(key, k -> new Object())) {
            return valid(key).orElseGet(() -> {
                Token token = fetch(challenge, scope);
                tokens.put(key, token);
                return token.value();
            });
        }
    }

    /** Drops a cached token the registry refused; true if there was one (so one more try may help). */
    boolean invalidate(Challenge challenge, String scope) {
        return tokens.remove(key(challenge, scope)) != null;
    }

    private Optional<String> valid(Key key) {
        Token token = tokens.get(key);
        return token != null && clock.instant().isBefore(token.expiresAt())
                ? Optional.of(token.value())
                : Optional.empty();
    }

    private Token fetch(Challenge challenge, String scope) {
        URI realm = realm(challenge);
        StringBuilder query = new StringBuilder();
        if (challenge.service() != null) {
            query.append("service=")
                    .append(URLEncoder.encode(challenge.service(), StandardCharsets.UTF_8))
                    .append('&');
        }
        query.append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        String separator = realm.getRawQuery() == null ? "?" : "&";
        URI uri = URI.create(realm + separator + query);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).GET().timeout(timeout).header("Accept", "application/json");
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            request.version(HttpClient.Version.HTTP_1_1);
        }
        credentials.basic().ifPresent(basic -> request.header("Authorization", basic));
        String what = "token request to " + uri.getHost() + " for " + scope;
        Instant requestedAt = clock.instant();
        counters.add(RequestKind.TOKEN);
        HttpResponse<byte[]> response = TimedSend.send(
                http,
                request.build(),
                LimitedBody.capped(TOKEN_BODY_CAP),
                timeout,
                "registry '" + registry + "' " + what);
        if (response.statusCode() / 100 != 2) {
            throw Failures.forStatus(
                    registry + "' token service '" + uri.getHost(),
                    what,
                    response.statusCode(),
                    response.body(),
                    credentials.describe());
        }
        return parse(response.body(), requestedAt, what);
    }

    private Token parse(byte[] body, Instant requestedAt, String what) {
        JsonNode json = Json.parse(body, "the answer to the " + what);
        String value = text(json.path("token"));
        if (value == null) {
            value = text(json.path("access_token"));
        }
        if (value == null) {
            throw new RegistryException(
                    Kind.INVALID, "registry '" + registry + "': the answer to the " + what + " holds no token");
        }
        long lifetime =
                json.path("expires_in").isNumber() ? json.path("expires_in").asLong() : DEFAULT_LIFETIME_SECONDS;
        lifetime = Math.max(lifetime, 0);
        // Renew a little early so a token does not expire between our check and the registry's.
        long margin = Math.min(10, lifetime / 10);
        return new Token(value, requestedAt.plusSeconds(lifetime - margin));
    }

    private URI realm(Challenge challenge) {
        try {
            URI realm = URI.create(challenge.realm() == null ? "" : challenge.realm());
            if (realm.getHost() == null
                    || !("https".equalsIgnoreCase(realm.getScheme()) || "http".equalsIgnoreCase(realm.getScheme()))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return realm;
        } catch (IllegalArgumentException e) {
            throw new RegistryException(
                    Kind.INVALID, "registry '" + registry + "' named a token realm that is not an " + "http(s) URL");
        }
    }

    private static Key key(Challenge challenge, String scope) {
        return new Key(String.valueOf(challenge.realm()), String.valueOf(challenge.service()), scope);
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() && !node.stringValue().isBlank() ? node.stringValue() : null;
    }
}
