package dev.catapult.bench;

import dev.catapult.testkit.registry.DockerRegistry;
import dev.catapult.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One run of a benchmark that starts a server and a registry in a temp folder of its own: what the run started is
 * stopped at its end (or by the shutdown hook), a failure prints the log tails that explain it, and the folder is
 * deleted after a completed run or kept with the logs ({@link BenchRun#cleanUpRegistryRun}).
 */
public final class RegistryRun {
    /** What the run does with its folders; it completed when this returns. */
    @FunctionalInterface
    public interface Body {
        void run(RegistryRun run) throws Exception;
    }

    private final Path work;
    private final Path serverDir;
    private final Path registryDir;
    private final BenchRun.Running running = new BenchRun.Running();
    private @Nullable ServerProcess server;
    private @Nullable DockerRegistry registry;

    private RegistryRun(Path work) throws IOException {
        this.work = work;
        // Separate folders: the server's stop sequence finds its PostgreSQL by its folder in command lines.
        this.serverDir = Files.createDirectories(work.resolve("server"));
        this.registryDir = Files.createDirectories(work.resolve("registry"));
    }

    /** Runs {@code body} in a new temp folder named from {@code prefix}; {@code keepWorkDir} keeps it in any case. */
    public static void run(String prefix, boolean keepWorkDir, Body body) throws Exception {
        RegistryRun run = new RegistryRun(Files.createTempDirectory(prefix));
        boolean completed = false;
        try {
            body.run(run);
            completed = true;
        } catch (Exception e) {
            BenchRun.printLogTails(run.server, run.registry);
            throw e;
        } finally {
            run.running.stopAll();
            BenchRun.cleanUpRegistryRun(run.work, run.registryDir, completed, keepWorkDir, run.server, run.registry);
            run.running.removeHook();
        }
    }

    public Path work() {
        return work;
    }

    public Path serverDir() {
        return serverDir;
    }

    public Path registryDir() {
        return registryDir;
    }

    /** What to stop at the end, in stopping order. */
    public BenchRun.Running running() {
        return running;
    }

    /**
     * Starts the server ({@link BenchRun#startServer}) in {@link #serverDir()}; it is stopped before everything the
     * run started so far, and its log tail explains a failure.
     */
    public ServerProcess startServer(BenchArgs.ServerRun serverRun, String token, Map<String, String> settings) {
        ServerProcess started = running.addFirst(
                BenchRun.startServer(serverRun.serverJar(), serverRun.serverJvmOptions(), serverDir, token, settings));
        server = started;
        return started;
    }

    /** The run's registry (already added to {@link #running()}): its log tail explains a failure. */
    public DockerRegistry registry(DockerRegistry started) {
        registry = started;
        return started;
    }
}
