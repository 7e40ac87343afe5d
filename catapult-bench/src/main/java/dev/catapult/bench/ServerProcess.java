package dev.catapult.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Catapult server started by a benchmark as a child process, bound to 127.0.0.1 on a free port, with
 * its data directory (and embedded PostgreSQL) inside the run's temp folder, plus the server settings the
 * benchmark needs. {@link #close()} stops it and everything it started; it is safe to call twice (finally
 * block and shutdown hook).
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Path workDir;
    private final Path log;
    private final URI baseUri;
    private boolean closed;

    private ServerProcess(Process process, Path workDir, Path log, URI baseUri) {
        this.process = process;
        this.workDir = workDir;
        this.log = log;
        this.baseUri = baseUri;
    }

    /**
     * Starts the server from a private copy of {@code serverJar}; {@code settings} are extra environment
     * variables (names starting with CATAPULT_).
     */
    public static ServerProcess start(
            Path serverJar, List<String> jvmOptions, Path workDir, String bootstrapToken, Map<String, String> settings)
            throws IOException {
        // Run a private copy: other builds may replace target/catapult-server.jar while we measure.
        Path jar = workDir.resolve("catapult-server.jar");
        Files.copy(serverJar, jar);
        int port = freeLoopbackPort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A GC log costs nothing measurable and explains latency tails (see ServerObservations.gc).
        command.add("-Xlog:gc:file=" + workDir.resolve("gc.log"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        Path log = workDir.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // The run must not pick up a developer's own server settings from the calling shell.
        env.keySet().removeIf(k -> k.startsWith("CATAPULT_") || k.startsWith("SERVER_") || k.startsWith("SPRING_"));
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("CATAPULT_DATA_DIR", workDir.resolve("data").toString());
        env.put("CATAPULT_BOOTSTRAP_TOKEN", bootstrapToken);
        settings.forEach((k, v) -> {
            if (!k.startsWith("CATAPULT_")) {
                throw new IllegalArgumentException("not a server setting: " + k);
            }
            env.put(k, v);
        });
        Process process = builder.start();
        return new ServerProcess(process, workDir, log, URI.create("http://127.0.0.1:" + port));
    }

    public URI baseUri() {
        return baseUri;
    }

    public Path log() {
        return log;
    }

    public Path gcLog() {
        return workDir.resolve("gc.log");
    }

    /** When the server process started (JVM uptime 0, near enough: the GC log's times count from there). */
    public Instant startInstant() {
        return process.toHandle().info().startInstant().orElse(Instant.now());
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for {@code GET /readyz} to answer 200; fails early if the process dies. */
    public Duration awaitReady(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpRequest ready = HttpRequest.newBuilder(baseUri.resolve("/readyz"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("server exited with " + process.exitValue()
                            + " before it was ready; log tail:\n" + logTail(40));
                }
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return Duration.ofNanos(System.nanoTime() - start);
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException(
                "server not ready after " + timeout.toSeconds() + " s; log tail:\n" + logTail(40));
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** CPU seconds so far of {server JVM, embedded PostgreSQL (postmaster and backends)}. */
    public double[] cpuSeconds() {
        double[] seconds = {0, 0};
        for (ProcessHandle p : processes()) {
            seconds[p.pid() == process.pid() ? 0 : 1] +=
                    p.info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9;
        }
        return seconds;
    }

    /**
     * SIGTERM (graceful shutdown, which also stops the embedded PostgreSQL), SIGKILL after a minute; then
     * any process left that we started: descendants of the server, and the embedded postmaster, which
     * {@code pg_ctl} detaches from its parent, so it is found by our unique data directory in its command line.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ProcessHandle> started = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        String marker = workDir.toAbsolutePath().toString();
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self
                        && p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .forEach(started::add);
        for (ProcessHandle p : started) {
            if (p.isAlive()) {
                p.destroy();
            }
        }
        for (ProcessHandle p : started) {
            try {
                p.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception stillAlive) {
                p.destroyForcibly();
            }
        }
    }

    /** Processes still alive that this server started (should be empty after {@link #close()}). */
    public List<ProcessHandle> leftovers() {
        return processes();
    }

    /** The server, the embedded postmaster (found by our data directory) and all their descendants. */
    public List<ProcessHandle> processes() {
        String marker = workDir.toAbsolutePath().toString();
        return Stream.concat(
                        Stream.of(process.toHandle()),
                        ProcessHandle.allProcesses()
                                .filter(p -> p.pid() != ProcessHandle.current().pid()
                                        && p.info()
                                                .commandLine()
                                                .map(c -> c.contains(marker))
                                                .orElse(false)))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .distinct()
                .filter(ProcessHandle::isAlive)
                .toList();
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
