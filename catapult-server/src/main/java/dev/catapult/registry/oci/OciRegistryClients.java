package dev.catapult.registry.oci;

import dev.catapult.registry.RegistryClient;
import dev.catapult.registry.RegistrySettings;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Makes the {@link RegistryClient} for one registry. Keep one client per registry for the life of the
 * application: its concurrency bound, back-off pause and token cache are per client.
 *
 * <p>Why this client is hand-written (GUIDE: prefer a library): no well-kept Java library is a <em>pull</em>
 * client for the distribution API on a small footprint. jib-core's {@code com.google.cloud.tools.jib.registry}
 * package is the closest, but it is jib's internal plumbing (its public API is the image builder), is built
 * around one repository per client and around pushing, has no tag listing with {@code Link} paging, no
 * catalog, no {@code Retry-After}/{@code RateLimit-*} back-off or per-registry concurrency bound, writes blobs
 * to an {@code OutputStream} rather than handing out a verifying stream, and brings Guava and Google's HTTP
 * client. The other candidates are whole container toolkits. What is needed here is a few endpoints over
 * {@code java.net.http}, so it is written here, with each protocol rule in its own small class.
 */
public final class OciRegistryClients {
    private OciRegistryClients() {}

    /**
     * @param settings how to reach the registry; {@code settings.auth()} names the variables holding credentials
     * @param secrets resolves such a variable name to its value (e.g. {@code System::getenv}); may return null
     */
    public static RegistryClient create(RegistrySettings settings, Function<String, @Nullable String> secrets) {
        return create(settings, secrets, Clock.systemUTC(), Throttle.Policy.defaults());
    }

    static RegistryClient create(
            RegistrySettings settings,
            Function<String, @Nullable String> secrets,
            Clock clock,
            Throttle.Policy policy) {
        String scheme = settings.url().getScheme();
        if (settings.url().getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new IllegalArgumentException("registry '" + settings.name() + "' needs an http(s) URL with a host");
        }
        if (settings.maxConcurrency() < 1
                || settings.timeout().isNegative()
                || settings.timeout().isZero()) {
            throw new IllegalArgumentException(
                    "registry '" + settings.name() + "' needs maxConcurrency ≥ 1 and a positive timeout");
        }
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(
                        HttpClient.Redirect.NEVER) // RegistryHttp follows them, dropping credentials off-origin
                .build();
        RequestCounters counters = new RequestCounters();
        Credentials credentials = Credentials.from(settings.auth(), secrets);
        BearerTokens tokens = new BearerTokens(settings.name(), http, credentials, clock, settings.timeout(), counters);
        RegistryHttp transport = new RegistryHttp(
                settings,
                http,
                new Authenticator(credentials, tokens),
                new Throttle(settings.name(), clock, policy),
                counters);
        return new OciRegistryClient(settings, transport, counters);
    }
}
