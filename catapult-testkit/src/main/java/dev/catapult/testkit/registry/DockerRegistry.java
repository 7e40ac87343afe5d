package dev.catapult.testkit.registry;

import dev.catapult.testkit.LogFiles;
import dev.catapult.testkit.Ports;
import dev.catapult.testkit.Processes;
import dev.catapult.testkit.Programs;
import dev.catapult.testkit.TempTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real OCI registry: Debian's {@code docker-registry} (CNCF Distribution 2.8) serving on a free
 * {@code 127.0.0.1} port, storing in {@code home/storage}, with deletes enabled and, per {@link RegistryOptions},
 * htpasswd users and a notifications endpoint. Its output — the access log, kept at every log level, then lines
 * at the configured level — goes to {@code home/registry.log}: a benchmark's count of the requests it served.
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
 * {@link #close()} is safe to call twice (a finally block and a shutdown hook).
 */
public final class DockerRegistry implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final Process process;
    private final Path home;
    private final boolean ownsHome;
    private final URI url;
    private boolean closed;

    private DockerRegistry(Process process, Path home, boolean ownsHome, int port) {
        this.process = process;
        this.home = home;
        this.ownsHome = ownsHome;
        this.url = URI.create("http://127.0.0.1:" + port);
    }

    /** An anonymous registry. */
    public static DockerRegistry start() {
        return start(RegistryOptions.defaults());
    }

    /**
     * Starts the registry in a temp directory (deleted on {@link #close()}) and waits until {@code /v2/}
     * answers; skips the test (fails it in CI) if docker-registry is missing.
     */
    public static DockerRegistry start(RegistryOptions options) {
        Path program = Programs.require("docker-registry", "docker-registry");
        Path home;
        try {
            home = Files.createTempDirectory("catapult-registry-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return start(program, home, true, options);
        } catch (RuntimeException | Error e) {
            TempTrees.delete(home);
            throw e;
        }
    }

    /** Starts {@code program} in {@code home}, which it keeps on {@link #close()} (a benchmark's run folder). */
    public static DockerRegistry start(Path program, Path home, RegistryOptions options) {
        return start(program, home, false, options);
    }

    private static DockerRegistry start(Path program, Path home, boolean ownsHome, RegistryOptions options) {
        IllegalStateException lastFailure = new IllegalStateException("docker-registry did not start");
        for (int attempt = 0; attempt < 3; attempt++) { // another process may take the free port first
            int port = Ports.freeLoopbackPort();
            try {
                RegistryConfig.write(home, port, options);
                Process process = new ProcessBuilder(
                                program.toString(),
                                "serve",
                                home.resolve("config.yml").toString())
                        .directory(home.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(
                                home.resolve("registry.log").toFile()))
                        .start();
                DockerRegistry registry = new DockerRegistry(process, home, ownsHome, port);
                try {
                    registry.awaitReady(options.name());
                    return registry;
                } catch (IllegalStateException e) {
                    registry.close();
                    lastFailure = e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not start docker-registry", e);
            }
        }
        throw lastFailure;
    }

    /** {@code 127.0.0.1:<port>}: what image references to this registry start with. */
    public String host() {
        return url.getAuthority();
    }

    public URI url() {
        return url;
    }

    /** {@code 127.0.0.1:<port>/<repository>:<tag>}, e.g. for {@link Skopeo#copy}. */
    public String reference(String repository, String tag) {
        return host() + "/" + repository + ":" + tag;
    }

    /** Where blobs and manifests are stored. */
    public Path storage() {
        return home.resolve("storage");
    }

    /** The registry's log file. */
    public Path logFile() {
        return home.resolve("registry.log");
    }

    /** The registry's log so far (its access log included): attach it to a failure message. */
    public String log() {
        return LogFiles.read(logFile());
    }

    /** The last {@code lines} lines of the log. */
    public String logTail(int lines) {
        return LogFiles.tail(logFile(), lines);
    }

    /** Log lines (at most 10) mentioning the notification endpoint: why deliveries failed, if they did. */
    public List<String> notificationProblems() {
        return log().lines()
                .filter(l -> l.contains("notifications")
                        || l.contains("retryingsink")
                        || l.contains("httpSink")
                        || l.contains("eventqueue"))
                .limit(10)
                .toList();
    }

    /** The version line of {@code docker-registry --version}, or {@code unknown}. */
    public static String version(Path program) {
        try {
            Process p = new ProcessBuilder(program.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** CPU time the registry process used so far. */
    public Optional<Duration> cpu() {
        return process.toHandle().info().totalCpuDuration();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Processes.stop(process, Duration.ofSeconds(10));
        if (ownsHome) {
            TempTrees.delete(home);
        }
    }

    private void awaitReady(String userAgent) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ping = HttpRequest.newBuilder(url().resolve("/v2/"))
                .timeout(Duration.ofSeconds(2))
                .header("User-Agent", userAgent)
                .version(HttpClient.Version.HTTP_1_1)
                .GET()
                .build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "docker-registry exited " + process.exitValue() + " at start:\n" + logTail(20));
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
                throw new IllegalStateException("interrupted while starting docker-registry", e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting docker-registry", e);
            }
        }
        throw new IllegalStateException(
                "docker-registry did not answer /v2/ within " + STARTUP.toSeconds() + " s:\n" + logTail(20));
    }
}
