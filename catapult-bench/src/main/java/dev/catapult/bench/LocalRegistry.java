package dev.catapult.bench;

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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Debian's {@code docker-registry} (CNCF Distribution 2.8) as a child process on a free 127.0.0.1 port,
 * storing in {@code home/storage}. Its access log (stdout, kept at any log level) goes to
 * {@code home/registry.log}: it is the registry's own count of the requests it served, held against the
 * server's counters. Optionally with one notification endpoint (see {@link #start(Path, Path, String, URI, String)}).
 * {@link #close()} stops it; it is safe to call twice (finally block and shutdown hook).
 */
public final class LocalRegistry implements AutoCloseable {
    public static final String ENDPOINT_TIMEOUT = "1s";
    public static final int ENDPOINT_THRESHOLD = 3;
    public static final String ENDPOINT_BACKOFF = "1s";

    private final Process process;
    private final Path home;
    private final int port;
    private boolean closed;

    private LocalRegistry(Process process, Path home, int port) {
        this.process = process;
        this.home = home;
        this.port = port;
    }

    /**
     * Starts the registry without notifications; {@code benchName} (e.g. {@code catapult-poll-bench}) is its
     * HTTP secret and the User-Agent of the readiness probe.
     */
    public static LocalRegistry start(Path program, Path home, String benchName)
            throws IOException, InterruptedException {
        return start(program, home, benchName, null, null);
    }

    /**
     * Starts the registry, sending notifications to {@code hookUrl} with {@code Authorization: Bearer secret}
     * when {@code hookUrl} is given. The registry sends what it sends by default: manifest and blob pushes, and
     * pulls — including the server's own {@code HEAD}s and scan fetches — which the server ignores.
     * ({@code ignore.actions: [pull]} alone does nothing in 2.8: its {@code newIgnoredSink} returns the sink
     * unfiltered unless some media type is ignored too.)
     */
    public static LocalRegistry start(
            Path program, Path home, String benchName, @Nullable URI hookUrl, @Nullable String secret)
            throws IOException, InterruptedException {
        if (hookUrl != null && !"127.0.0.1".equals(hookUrl.getHost())) {
            throw new IllegalArgumentException("notifications only go to 127.0.0.1, not " + hookUrl);
        }
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // another process may take the free port first
            int port = freeLoopbackPort();
            Path storage = Files.createDirectories(home.resolve("storage"));
            String config =
                    """
          version: 0.1
          log:
            level: warn
            formatter: text
          storage:
            filesystem:
              rootdirectory: "%s"
            maintenance:
              uploadpurging:
                enabled: false
          http:
            addr: 127.0.0.1:%d
            secret: %s
          """.formatted(storage.toString().replace("\\", "\\\\").replace("\"", "\\\""), port, benchName);
            if (hookUrl != null) {
                config += """
            notifications:
              endpoints:
                - name: catapult
                  url: %s
                  headers:
                    Authorization: [Bearer %s]
                  timeout: %s
                  threshold: %d
                  backoff: %s
            """.formatted(hookUrl, secret, ENDPOINT_TIMEOUT, ENDPOINT_THRESHOLD, ENDPOINT_BACKOFF);
            }
            Path configFile = home.resolve("config.yml");
            Files.writeString(configFile, config, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(program.toString(), "serve", configFile.toString())
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            home.resolve("registry.log").toFile()))
                    .start();
            LocalRegistry registry = new LocalRegistry(process, home, port);
            try {
                registry.awaitReady(Duration.ofSeconds(20), benchName);
                return registry;
            } catch (IllegalStateException e) {
                registry.close();
                last = e;
            }
        }
        throw last;
    }

    /** {@code 127.0.0.1:<port>}: what image references to this registry start with. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public URI url() {
        return URI.create("http://" + host());
    }

    public long pid() {
        return process.pid();
    }

    /** The registry's log: its access log plus lines at level warn and up. */
    public Path log() {
        return home.resolve("registry.log");
    }

    /** The registry's version line ({@code docker-registry --version}), for the report. */
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

    /** CPU time the registry process used so far. */
    public Optional<Duration> cpu() {
        return process.toHandle().info().totalCpuDuration();
    }

    /** CPU seconds the registry process used so far. */
    public double cpuSeconds() {
        return cpu().orElse(Duration.ZERO).toNanos() / 1e9;
    }

    /** Registry log lines (level warn and up, plus the access log) mentioning the notification endpoint. */
    public List<String> notificationProblems() {
        try {
            return Files.readAllLines(log()).stream()
                    .filter(l -> l.contains("notifications")
                            || l.contains("retryingsink")
                            || l.contains("httpSink")
                            || l.contains("eventqueue"))
                    .limit(10)
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of("(log unreadable: " + e.getMessage() + ")");
        }
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log());
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private void awaitReady(Duration timeout, String userAgent) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            HttpRequest ping = HttpRequest.newBuilder(url().resolve("/v2/"))
                    .timeout(Duration.ofSeconds(2))
                    .header("User-Agent", userAgent)
                    .version(HttpClient.Version.HTTP_1_1)
                    .GET()
                    .build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "docker-registry exited with " + process.exitValue() + " at start:\n" + logTail(20));
                }
                try {
                    if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException(
                "docker-registry did not answer /v2/ within " + timeout.toSeconds() + " s:\n" + logTail(20));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Optional<Long> exitValue() {
        return process.isAlive() ? Optional.empty() : Optional.of((long) process.exitValue());
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
