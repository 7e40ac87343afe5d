package dev.catapult.registry.oci;

import dev.catapult.registry.RegistryException;
import dev.catapult.registry.RegistryException.Kind;
import dev.catapult.registry.RegistrySettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Sends one logical call to a registry, doing everything the port demands of every request: the concurrency
 * bound, the registry-wide pause, the timeout, the auth dance (at most two rounds), back-off retries on
 * 429/503 and redirects. Redirects are followed here, not by the JDK, so the rule is explicit and the same on
 * every JDK: {@code Authorization} goes only to the registry's own scheme+host+port, never to a host it
 * redirects to (blob storage gets a signed URL and needs none).
 */
final class RegistryHttp {
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_AUTH_ROUNDS = 2;

    /** What a request is for, where it goes, and the scope its token needs. */
    record Call(RequestKind kind, String method, URI uri, String scope, String what, List<String> accept) {}

    /** A final answer (2xx or 404) and the concurrency permit it still holds. */
    record Exchange<T>(HttpResponse<T> response, Permit permit) {
        int status() {
            return response.statusCode();
        }
    }

    private final RegistrySettings settings;
    private final HttpClient http;
    private final Semaphore slots;
    private final Authenticator auth;
    private final Throttle throttle;
    private final RequestCounters counters;

    RegistryHttp(
            RegistrySettings settings,
            HttpClient http,
            Authenticator auth,
            Throttle throttle,
            RequestCounters counters) {
        this.settings = settings;
        this.http = http;
        this.slots = new Semaphore(Math.max(1, settings.maxConcurrency()), true);
        this.auth = auth;
        this.throttle = throttle;
        this.counters = counters;
    }

    /** A call whose body is read whole (capped); the permit is released before returning. */
    HttpResponse<byte[]> fetch(Call call, long bodyCap) {
        BodyHandler<byte[]> handler =
                call.method().equals("HEAD") ? BodyHandlers.replacing(new byte[0]) : LimitedBody.capped(bodyCap);
        Exchange<byte[]> exchange = exchange(call, handler);
        exchange.permit().release();
        return exchange.response();
    }

    /** A call whose body is streamed; on 2xx the caller owns the permit and must release it when done. */
    Exchange<InputStream> open(Call call) {
        return exchange(call, BodyHandlers.ofInputStream());
    }

    private <T> Exchange<T> exchange(Call call, BodyHandler<T> handler) {
        URI uri = call.uri();
        int redirects = 0;
        int authRounds = 0;
        int retries = 0;
        while (true) {
            throttle.awaitTurn(call.what());
            boolean toRegistry = sameOrigin(uri, settings.url());
            // Any token fetch happens before taking a permit, so a call never holds one while waiting for another.
            Optional<String> authorization = toRegistry ? auth.authorization(call.scope()) : Optional.empty();
            HttpRequest request = request(call, uri, authorization);
            Permit permit = Permit.acquire(slots, call.what());
            HttpResponse<T> response;
            try {
                counters.add(call.kind());
                response = TimedSend.send(http, request, handler, settings.timeout(), describe(call, uri));
            } catch (RuntimeException e) {
                permit.release();
                throw e;
            }
            throttle.observe(response.headers());
            int status = response.statusCode();
            if (status / 100 == 2 || status == 404) {
                return new Exchange<>(response, permit);
            }
            permit.release();
            byte[] errorBody = drain(response.body());
            Optional<String> location = response.headers().firstValue("Location");
            if (isRedirect(status) && location.isPresent()) {
                if (++redirects > MAX_REDIRECTS) {
                    throw new RegistryException(
                            Kind.INVALID, describe(call, uri) + " redirected more than " + MAX_REDIRECTS + " times");
                }
                uri = redirectTarget(call, uri, location.get());
                continue;
            }
            if (status == 401
                    && toRegistry
                    && authRounds++ < MAX_AUTH_ROUNDS
                    && auth.onChallenge(response.headers().allValues("WWW-Authenticate"), call.scope())) {
                continue;
            }
            if ((status == 429 || status == 503) && retries < throttle.maxRetries()) {
                throttle.backOff(response.headers(), retries++);
                continue;
            }
            throw Failures.forStatus(settings.name(), describe(call, uri), status, errorBody, auth.describe());
        }
    }

    private HttpRequest request(Call call, URI uri, Optional<String> authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .method(call.method(), HttpRequest.BodyPublishers.noBody());
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            // Plain-http registries are local or test ones; skip the h2c upgrade dance some of them mishandle.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        call.accept().forEach(type -> builder.header("Accept", type));
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder.build();
    }

    private URI redirectTarget(Call call, URI from, String location) {
        try {
            URI target = from.resolve(location.trim());
            String scheme = Objects.requireNonNullElse(target.getScheme(), "").toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || target.getHost() == null) {
                throw new IllegalArgumentException("not http(s)");
            }
            return target;
        } catch (IllegalArgumentException e) {
            throw new RegistryException(
                    Kind.INVALID, describe(call, from) + " redirected to something not an http(s) URL");
        }
    }

    /** The call, plus the host when a redirect took it elsewhere (never the query: it may be a signature). */
    private String describe(Call call, URI uri) {
        return sameOrigin(uri, settings.url()) ? call.what() : call.what() + " (redirected to " + uri.getHost() + ")";
    }

    static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
                && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * The error body when it was read whole (capped); a streamed one is closed unread, because reading it would
     * have no time bound.
     */
    private static byte[] drain(Object body) {
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof InputStream in) {
            try {
                in.close();
            } catch (IOException e) {
                // the connection is dropped either way
            }
        }
        return new byte[0];
    }
}
