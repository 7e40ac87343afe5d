package dev.catapult.registry;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How to reach one registry. Credentials are never held here: only the names of the environment
 * variables (or properties) that hold them.
 *
 * @param name the registry's name in Catapult ({@code ^[a-z0-9][a-z0-9-]{0,62}$})
 * @param url its base URL, e.g. {@code http://127.0.0.1:5000} or {@code https://ghcr.io}
 * @param auth how to authenticate
 * @param maxConcurrency requests in flight at once against this registry
 * @param timeout per-request timeout
 */
public record RegistrySettings(String name, URI url, Auth auth, int maxConcurrency, Duration timeout) {

    /** {@code none}, {@code basic} (username and password) or {@code bearer} (a static token in {@code passwordEnv}). */
    public record Auth(
            String type,
            @Nullable String usernameEnv,
            @Nullable String passwordEnv) {
        public static Auth none() {
            return new Auth("none", null, null);
        }
    }

    /** The host (and port) that image references to this registry start with, e.g. {@code 127.0.0.1:5000}. */
    public String host() {
        return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }
}
