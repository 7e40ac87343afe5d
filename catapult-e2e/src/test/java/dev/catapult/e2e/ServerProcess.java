package dev.catapult.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Catapult server: {@code java -jar catapult-server.jar} in its own process on a free loopback
 * port, against the given database. {@link #kill()} is SIGKILL: no shutdown hooks, no cleanup.
 */
final class ServerProcess implements AutoCloseable {
    static final String ADMIN_TOKEN = "cat_e2e-admin-token-0123456789abcdef";
    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServerProcess start(String databaseUrl, Map<String, String> extraEnv) {
        try {
            int port = freePort();
            Path dir = Files.createTempDirectory("catapult-e2e-server");
            Path log = dir.resolve("server.log");
            String jar = System.getProperty("catapult.server.jar");
            if (jar == null || !Files.exists(Path.of(jar))) {
                throw new IllegalStateException("catapult-server.jar not found at " + jar
                        + "; run the build from the repository root (./mvnw verify)");
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("CATAPULT_DATA_DIR", dir.resolve("data").toString());
            env.put("CATAPULT_DATABASE_URL", databaseUrl);
            env.put("CATAPULT_DATABASE_USER", SharedDatabase.user());
            env.put("CATAPULT_DATABASE_PASSWORD", SharedDatabase.password());
            env.put("CATAPULT_DATABASE_POOL_SIZE", "8");
            env.put("CATAPULT_BOOTSTRAP_TOKEN", ADMIN_TOKEN);
            env.put("CATAPULT_DEPLOYS_POLLINTERVAL", "200ms");
            env.putAll(new HashMap<>(extraEnv));
            ServerProcess server = new ServerProcess(pb.start(), port, log);
            server.awaitReady(Duration.ofSeconds(90));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited during start:\n" + tail());
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(url() + "/readyz"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        kill();
        throw new IllegalStateException("server not ready within " + timeout + ":\n" + tail());
    }

    /** SIGKILL, as a crash or an OOM-killer would. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String tail() {
        try {
            String all = Files.readString(log);
            return all.length() > 4000 ? all.substring(all.length() - 4000) : all;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
