package dev.catapult.testkit.server;

import dev.catapult.testkit.LogFiles;
import dev.catapult.testkit.Ports;
import dev.catapult.testkit.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * A real Catapult server: {@code java -jar catapult-server.jar} as a child process, bound to {@code 127.0.0.1}
 * on a free port, with its data directory (and embedded PostgreSQL, when no database is given) inside
 * {@code workDir}. The child sees none of the calling shell's {@code CATAPULT_}, {@code SERVER_} or
 * {@code SPRING_} settings, only those given. Its output goes to {@code workDir/server.log}, its GC log to
 * {@code workDir/gc.log}. {@link #close()} stops it gracefully and then everything it started; it is safe to
 * call twice (a finally block and a shutdown hook). {@link #kill()} is SIGKILL, as a crash would be.
 *
 * <pre>{@code
 * try (ServerProcess server = ServerProcess.start(new ServerProcess.Launch(jar, work, List.of(), token, env, false))) {
 *   server.awaitReady(Duration.ofSeconds(90));
 *   ... server.baseUri() ...
 * }
 * }</pre>
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Path workDir;
    private final Path log;
    private final URI baseUri;
    private boolean closed;

    /**
     * How to start a server.
     *
     * @param serverJar the jar to run; a benchmark runs a private copy ({@link #privateCopy}) since other builds
     *     may replace the jar while it measures
     * @param workDir the process's working directory, holding its logs and data directory
     * @param jvmOptions e.g. {@code -Xmx512m}
     * @param bootstrapToken the admin token the server bootstraps
     * @param settings environment variables for the server (e.g. {@code CATAPULT_DATABASE_URL})
     * @param privateCopy whether to run a copy of the jar in {@code workDir}
     */
    public record Launch(
            Path serverJar,
            Path workDir,
            List<String> jvmOptions,
            String bootstrapToken,
            Map<String, String> settings,
            boolean privateCopy) {
        public Launch {
            jvmOptions = List.copyOf(jvmOptions);
            settings = Map.copyOf(settings);
        }
    }

    private ServerProcess(Process process, Path workDir, Path log, URI baseUri) {
        this.process = process;
        this.workDir = workDir;
        this.log = log;
        this.baseUri = baseUri;
    }

    /** Starts the server; it is not ready yet (see {@link #awaitReady}). */
    public static ServerProcess start(Launch launch) {
        try {
            Path workDir = launch.workDir();
            Path jar = launch.serverJar();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("catapult-server.jar not found at " + jar
                        + "; build it first (./mvnw -pl catapult-server -am package)");
            }
            if (launch.privateCopy()) {
                jar = Files.copy(jar, workDir.resolve("catapult-server.jar"));
            }
            int port = Ports.freeLoopbackPort();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // A GC log costs nothing measurable and explains latency tails.
            command.add("-Xlog:gc:file=" + workDir.resolve("gc.log"));
            command.addAll(launch.jvmOptions());
            command.add("-jar");
            command.add(jar.toString());
            Path log = workDir.resolve("server.log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            // The server must not pick up a developer's own settings from the calling shell.
            env.keySet().removeIf(k -> k.startsWith("CATAPULT_") || k.startsWith("SERVER_") || k.startsWith("SPRING_"));
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("SERVER_ADDRESS", "127.0.0.1");
            env.put("CATAPULT_DATA_DIR", workDir.resolve("data").toString());
            env.put("CATAPULT_BOOTSTRAP_TOKEN", launch.bootstrapToken());
            env.putAll(launch.settings());
            return new ServerProcess(builder.start(), workDir, log, URI.create("http://127.0.0.1:" + port));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the server", e);
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String url() {
        return baseUri.toString();
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

    /** Waits for {@code GET /readyz} to answer 200 and returns how long that took; fails early if the process dies. */
    public Duration awaitReady(Duration timeout) {
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
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server", e);
        }
        throw new IllegalStateException(
                "server not ready after " + timeout.toSeconds() + " s; log tail:\n" + logTail(40));
    }

    /** The last {@code lines} lines of the server's output. */
    public String logTail(int lines) {
        return LogFiles.tail(log, lines);
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

    /** SIGKILL, as a crash or the OOM killer would: no shutdown hooks, no cleanup. */
    public void kill() {
        process.destroyForcibly();
        process.onExit().join(); // SIGKILL cannot be caught: the wait is short
    }

    /**
     * SIGTERM (graceful shutdown, which also stops the embedded PostgreSQL), SIGKILL after a minute; then
     * any process left that we started: descendants of the server, and the embedded postmaster, which
     * {@code pg_ctl} detaches from its parent, so it is found by our unique work directory in its command line.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ProcessHandle> started = new ArrayList<>(process.descendants().toList());
        Processes.stop(process, Duration.ofSeconds(60));
        started.addAll(startedByMarker().toList());
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

    /** The server, the embedded postmaster (found by our work directory) and all their descendants still alive. */
    public List<ProcessHandle> processes() {
        return Stream.concat(Stream.of(process.toHandle()), startedByMarker())
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .distinct()
                .filter(ProcessHandle::isAlive)
                .toList();
    }

    private Stream<ProcessHandle> startedByMarker() {
        String marker = workDir.toAbsolutePath().toString();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self
                        && p.info().commandLine().map(c -> c.contains(marker)).orElse(false));
    }
}
