package dev.catapult.e2e;

import dev.catapult.client.CatapultClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link CatapultClient} per server and token, so a test's calls to one server share a connection pool. */
final class Api {
    private static final Map<String, CatapultClient> CLIENTS = new ConcurrentHashMap<>();

    private Api() {}

    static CatapultClient of(String serverUrl, String token) {
        return CLIENTS.computeIfAbsent(
                serverUrl + " " + token,
                key -> CatapultClient.builder(URI.create(serverUrl))
                        .token(token)
                        .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30))
                        .build());
    }
}
