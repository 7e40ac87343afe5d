package dev.catapult.testkit.registry;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How to start a {@link DockerRegistry}.
 *
 * @param users htpasswd users (name → password); none means anonymous access
 * @param notifications where the registry POSTs push/delete events, if anywhere
 * @param name the registry's HTTP secret and the User-Agent of the readiness probe, so that a benchmark can
 *     tell its own requests from the server's in the access log
 * @param logLevel the registry's log level; its access log is written at every level
 */
public record RegistryOptions(
        Map<String, String> users, @Nullable Notifications notifications, String name, String logLevel) {

    /**
     * A notifications endpoint: the registry POSTs {@code application/vnd.docker.distribution.events.v1+json}
     * envelopes ({@code {"events":[…]}}) to {@code url} with {@code Authorization: Bearer <secret>}.
     *
     * @param timeout per delivery
     * @param threshold failures before the registry backs off from the endpoint
     * @param backoff how long it backs off (it retries every event until delivered)
     */
    public record Notifications(URI url, String bearerSecret, Duration timeout, int threshold, Duration backoff) {
        @Override
        public String toString() {
            return "Notifications[" + url + ", Bearer ***]";
        }
    }

    public RegistryOptions {
        users = Map.copyOf(users);
    }

    public static RegistryOptions defaults() {
        return new RegistryOptions(Map.of(), null, "catapult-test-registry", "info");
    }

    /** Names the registry (its HTTP secret and the probe's User-Agent), e.g. {@code catapult-poll-bench}. */
    public RegistryOptions named(String value) {
        return new RegistryOptions(users, notifications, value, logLevel);
    }

    /** Logs at {@code value} ({@code warn} keeps the log to the access log and problems). */
    public RegistryOptions logLevel(String value) {
        return new RegistryOptions(users, notifications, name, value);
    }

    /** Adds an htpasswd user: every request then needs basic credentials. */
    public RegistryOptions withUser(String username, String password) {
        Map<String, String> more = new LinkedHashMap<>(users);
        more.put(username, password);
        return new RegistryOptions(more, notifications, name, logLevel);
    }

    /** Sends events to {@code url} (1 s timeout, threshold 3, 1 s back-off: quick enough for tests). */
    public RegistryOptions withNotifications(URI url, String bearerSecret) {
        return withNotifications(new Notifications(url, bearerSecret, Duration.ofSeconds(1), 3, Duration.ofSeconds(1)));
    }

    public RegistryOptions withNotifications(Notifications endpoint) {
        return new RegistryOptions(users, endpoint, name, logLevel);
    }

    @Override
    public String toString() {
        return "RegistryOptions[users=" + users.keySet() + ", notifications=" + notifications + ", name=" + name
                + ", logLevel=" + logLevel + "]";
    }
}
