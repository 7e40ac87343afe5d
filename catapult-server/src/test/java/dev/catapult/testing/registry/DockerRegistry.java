package dev.catapult.testing.registry;

import dev.catapult.registry.RegistrySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OCI registry for tests: Debian's {@code docker-registry} (CNCF Distribution 2.8) serving on a free
 * {@code 127.0.0.1} port, storing in a temp directory that is deleted on {@link #close()}, with deletes
 * enabled and, per {@link RegistryOptions}, htpasswd users and a notifications endpoint.
 *
 * <pre>{@code
 * try (DockerRegistry registry = DockerRegistry.start(RegistryOptions.defaults().withUser("ci", "pw"))) {
 *   Skopeo.require().copy(layout.dir(), "1.0.0", registry.reference("demo/app", "1.0.0"),
 *       new Skopeo.Credentials("ci", "pw"));
 *   ... registry.url() ...
 * }
 * }</pre>
 *
 * Quirks of this registry that tests must not mistake for client bugs: the tag list ignores {@code n} and
 * {@code last} and comes unsorted; manifest requests without OCI/Docker {@code Accept} types get 404.
 */
public final class DockerRegistry implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(15);

    private final Process process;
    private final Path home;
    private final int port;

    private DockerRegistry(Process process, Path home, int port) {
        this.process = process;
        this.home = home;
        this.port = port;
    }

    /** An anonymous registry. */
    public static DockerRegistry start() {
        return start(RegistryOptions.defaults());
    }

    /** Starts the registry and waits until {@code /v2/} answers; skips the test if docker-registry is missing. */
    public static DockerRegistry start(RegistryOptions options) {
        Path program = Programs.require("docker-registry", "docker-registry");
        AssertionError lastFailure = null;
        for (int attempt = 0; attempt < 3; attempt++) { // another process may take the free port first
            Path home = createHome();
            int port = freePort();
            try {
                RegistryConfig.write(home, port, options);
                Process process = new ProcessBuilder(
                                program.toString(),
                                "serve",
                                home.resolve("config.yml").toString())
                        .redirectErrorStream(true)
                        .redirectOutput(home.resolve("registry.log").toFile())
                        .start();
                DockerRegistry registry = new DockerRegistry(process, home, port);
                registry.awaitReady();
                return registry;
            } catch (AssertionError e) {
                lastFailure = e;
                deleteTree(home);
            } catch (IOException e) {
                deleteTree(home);
                throw new UncheckedIOException("could not start docker-registry", e);
            }
        }
        throw lastFailure;
    }

    /** {@code 127.0.0.1:<port>}: what image references to this registry start with. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public URI url() {
        return URI.create("http://" + host());
    }

    /** {@code 127.0.0.1:<port>/<repository>:<tag>}, e.g. for {@link Skopeo#copy}. */
    public String reference(String repository, String tag) {
        return host() + "/" + repository + ":" + tag;
    }

    /** Settings for Catapult's client: anonymous, 4 requests at once, 10 s timeout. */
    public RegistrySettings settings(String name) {
        return settings(name, RegistrySettings.Auth.none());
    }

    public RegistrySettings settings(String name, RegistrySettings.Auth auth) {
        return new RegistrySettings(name, url(), auth, 4, Duration.ofSeconds(10));
    }

    /** Where blobs and manifests are stored. */
    public Path storage() {
        return home.resolve("storage");
    }

    /** The registry's log so far (its access log included): attach it to a failure message. */
    public String log() {
        try {
            return Files.readString(home.resolve("registry.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteTree(home);
    }

    private void awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ping = HttpRequest.newBuilder(url().resolve("/v2/"))
                .timeout(Duration.ofSeconds(1))
                .version(HttpClient.Version.HTTP_1_1)
                .GET()
                .build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("docker-registry exited " + process.exitValue() + " at start:\n" + log());
            }
            try {
                int status =
                        http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || status == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new AssertionError("interrupted while starting docker-registry", e);
            }
            sleep(50);
        }
        close();
        throw new AssertionError("docker-registry did not answer /v2/ within " + STARTUP.toSeconds() + " s:\n" + log());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Path createHome() {
        try {
            return Files.createTempDirectory("catapult-registry-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp files left behind are harmless
        }
    }
}
