package dev.catapult.e2e;

import dev.catapult.testkit.database.TestDatabase;
import dev.catapult.testkit.server.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end tests' servers: {@code catapult-server.jar} (the build's, see the surefire configuration) as a
 * process of its own against the given database, small JVM, deploy workers polling quickly, ready when returned.
 */
final class Servers {
    static final String ADMIN_TOKEN = "cat_e2e-admin-token-0123456789abcdef";

    private Servers() {}

    /** A server on {@code databaseUrl} (one of {@link TestDatabase#fresh()}), with {@code extraEnv} on top. */
    static ServerProcess start(String databaseUrl, Map<String, String> extraEnv) {
        String jar = System.getProperty("catapult.server.jar");
        if (jar == null) {
            throw new IllegalStateException(
                    "the system property catapult.server.jar is not set; run the build from the repository root (./mvnw verify)");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("catapult-e2e-server");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>();
        env.put("CATAPULT_DATABASE_URL", databaseUrl);
        env.put("CATAPULT_DATABASE_USER", TestDatabase.user());
        env.put("CATAPULT_DATABASE_PASSWORD", TestDatabase.password());
        env.put("CATAPULT_DATABASE_POOL_SIZE", "8");
        env.put("CATAPULT_DEPLOYS_POLLINTERVAL", "200ms");
        env.putAll(extraEnv);
        ServerProcess server = ServerProcess.start(new ServerProcess.Launch(
                Path.of(jar), dir, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), ADMIN_TOKEN, env, false));
        try {
            server.awaitReady(Duration.ofSeconds(90));
        } catch (IllegalStateException e) {
            server.kill();
            throw e;
        }
        return server;
    }

    /** Whether the audit hash chain of {@code server}'s database verifies ({@code GET /api/v1/audit/verify}). */
    static boolean auditChainVerifies(ServerProcess server) {
        return Api.of(server.url(), ADMIN_TOKEN)
                .exchangeJson("GET", "/api/v1/audit/verify", null)
                .json()
                .get("ok")
                .asBoolean();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
