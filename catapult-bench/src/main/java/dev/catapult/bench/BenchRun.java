package dev.catapult.bench;

import dev.catapult.testkit.registry.DockerRegistry;
import dev.catapult.testkit.registry.RegistryOptions;
import dev.catapult.testkit.server.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Plumbing the benchmark drivers share: console output, temp folders, what to stop, what was measured. */
public final class BenchRun {
    /** How the registry retries the notification endpoint (see {@link #startRegistry(Path, Path, String, URI, String)}). */
    public static final Duration ENDPOINT_TIMEOUT = Duration.ofSeconds(1);

    public static final int ENDPOINT_THRESHOLD = 3;
    public static final Duration ENDPOINT_BACKOFF = Duration.ofSeconds(1);

    private BenchRun() {}

    /**
     * Starts the server from a private copy of {@code serverJar} in {@code workDir} (other builds may replace the
     * jar while we measure); {@code settings} are extra environment variables, names starting with CATAPULT_.
     * It is not ready yet: {@link ServerProcess#awaitReady}.
     */
    public static ServerProcess startServer(
            Path serverJar,
            List<String> jvmOptions,
            Path workDir,
            String bootstrapToken,
            Map<String, String> settings) {
        settings.keySet().forEach(k -> {
            if (!k.startsWith("CATAPULT_")) {
                throw new IllegalArgumentException("not a server setting: " + k);
            }
        });
        return ServerProcess.start(
                new ServerProcess.Launch(serverJar, workDir, jvmOptions, bootstrapToken, settings, true));
    }

    /**
     * Starts {@code docker-registry} in {@code home} without notifications, logging at {@code warn} (its access log
     * is kept at any level); {@code benchName} (e.g. {@code catapult-poll-bench}) is its HTTP secret and the
     * User-Agent of the readiness probe, which the request counts leave out.
     */
    public static DockerRegistry startRegistry(Path program, Path home, String benchName) {
        return DockerRegistry.start(program, home, registryOptions(benchName));
    }

    /**
     * Starts the registry sending notifications to {@code hookUrl} with {@code Authorization: Bearer secret}. The
     * registry sends what it sends by default: manifest and blob pushes, and pulls — including the server's own
     * {@code HEAD}s and scan fetches — which the server ignores. ({@code ignore.actions: [pull]} alone does nothing
     * in 2.8: its {@code newIgnoredSink} returns the sink unfiltered unless some media type is ignored too.)
     */
    public static DockerRegistry startRegistry(Path program, Path home, String benchName, URI hookUrl, String secret) {
        if (!"127.0.0.1".equals(hookUrl.getHost())) {
            throw new IllegalArgumentException("notifications only go to 127.0.0.1, not " + hookUrl);
        }
        return DockerRegistry.start(
                program,
                home,
                registryOptions(benchName)
                        .withNotifications(new RegistryOptions.Notifications(
                                hookUrl, secret, ENDPOINT_TIMEOUT, ENDPOINT_THRESHOLD, ENDPOINT_BACKOFF)));
    }

    private static RegistryOptions registryOptions(String benchName) {
        return RegistryOptions.defaults().named(benchName).logLevel("warn");
    }

    public static void say(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }

    public static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** A fresh admin token for a server the driver bootstraps. */
    public static String randomToken() {
        return "bench-" + hex(16);
    }

    /** {@code bytes} random bytes as hex. */
    public static String hex(int bytes) {
        return HexFormat.of().formatHex(new SecureRandom().generateSeed(bytes));
    }

    /** The command to print in the report: {@code --invoked-as} if given, else this JVM's command line. */
    public static String command(String invokedAs, Class<?> main) {
        if (!invokedAs.isBlank()) {
            return invokedAs;
        }
        return ProcessHandle.current().info().commandLine().orElse("java " + main.getName());
    }

    /** Which server build was measured: the jar's SHA-256 (first 12 hex digits) and modification time. */
    public static String jarIdentity(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return "`catapult-server.jar` sha256 "
                    + HexFormat.of().formatHex(sha.digest()).substring(0, 12) + "…, built "
                    + Files.getLastModifiedTime(jar).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void deleteRecursively(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Everything a run started that must be stopped, in stopping order; stopped by {@link #stopAll()} (from the
     * driver's finally block) or by the shutdown hook this registers, whichever comes first.
     */
    public static final class Running {
        private final List<AutoCloseable> running = new ArrayList<>();
        private final Thread hook = new Thread(this::stopAll, "bench-stop-all");

        public Running() {
            Runtime.getRuntime().addShutdownHook(hook);
        }

        /** {@code c} is stopped after everything added so far. */
        public synchronized <T extends AutoCloseable> T add(T c) {
            running.add(c);
            return c;
        }

        /** {@code c} is stopped before everything added so far. */
        public synchronized <T extends AutoCloseable> T addFirst(T c) {
            running.addFirst(c);
            return c;
        }

        public void stopAll() {
            List<AutoCloseable> copy;
            synchronized (this) {
                copy = List.copyOf(running);
            }
            for (AutoCloseable c : copy) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("[bench] stopping " + c + " failed: " + e);
                }
            }
        }

        /** After {@link #stopAll()} in the finally block: the hook has nothing left to do. */
        public void removeHook() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }

    /** On failure of a run with a server and a registry: the log tails that explain it. */
    public static void printLogTails(@Nullable ServerProcess server, @Nullable DockerRegistry registry) {
        if (server != null) {
            System.err.println("server log tail:\n" + server.logTail(30));
        }
        if (registry != null) {
            System.err.println("registry log tail:\n" + registry.logTail(10));
        }
    }

    /**
     * After everything was stopped, for a run with a server in {@code work/server} and a registry in
     * {@code registryDir}: warns about processes still alive, then deletes {@code work} if the run completed
     * (and is not to be kept), else keeps the logs (not the registry's images) for the post-mortem.
     */
    public static void cleanUpRegistryRun(
            Path work,
            Path registryDir,
            boolean completed,
            boolean keepWorkDir,
            @Nullable ServerProcess server,
            @Nullable DockerRegistry registry)
            throws IOException {
        if (server != null) {
            List<ProcessHandle> left = server.processes();
            if (!left.isEmpty()) {
                say(
                        "WARNING: processes still alive after stopping the server: %s",
                        left.stream().map(ProcessHandle::pid).toList());
            }
        }
        if (registry != null && registry.alive()) {
            say("WARNING: docker-registry pid %d still alive", registry.pid());
        }
        if (completed && !keepWorkDir) {
            deleteRecursively(work);
        } else {
            if (!keepWorkDir && Files.isDirectory(registryDir.resolve("storage"))) {
                deleteRecursively(registryDir.resolve("storage")); // the logs explain a failure; the images do not
            }
            say("kept %s (server/server.log, registry/registry.log inside)", work);
        }
    }
}
