package dev.catapult.testkit.docker;

import dev.catapult.testkit.LogFiles;
import dev.catapult.testkit.Ports;
import dev.catapult.testkit.Processes;
import dev.catapult.testkit.Programs;
import dev.catapult.testkit.TempTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Docker engine for tests: Debian's {@code dockerd} (package {@code docker.io}) run as root on a private
 * unix socket, with its own data root, exec root, pid file and an empty {@code daemon.json} under a temp
 * directory, so it never touches a Docker the machine may run. It manages no iptables rules (publishing to
 * {@code 127.0.0.1} goes through Docker's userland proxy) and kills containers 2 s into its shutdown.
 * Registries on {@code 127.0.0.0/8} are insecure (plain http) to it by default, so it pulls from a
 * {@link dev.catapult.testkit.registry.DockerRegistry} as is.
 *
 * <pre>{@code
 * try (DockerEngine engine = DockerEngine.start()) {
 *   ... engine.host() ...   // "unix:///tmp/catapult-dockerd-…/docker.sock"
 * }
 * }</pre>
 *
 * Containers join the engine's default bridge {@code docker0}, which a second engine on the machine would
 * share (handing out the same addresses, and deleting the bridge under the other's feet), so one engine
 * runs at a time on the machine: in a JVM by a semaphore, across JVMs by a lock file, waited for; {@link #close()} stops the engine, every process it started,
 * unmounts what it mounted, deletes the temp directory, and deletes {@code docker0} if this engine created it.
 */
public final class DockerEngine implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Semaphore ONE_AT_A_TIME = new Semaphore(1);
    private static final Path MACHINE_LOCK = Path.of(System.getProperty("java.io.tmpdir"), "catapult-dockerd.lock");
    private static final Duration MACHINE_LOCK_WAIT = Duration.ofMinutes(10);
    private static @Nullable FileChannel lockChannel;
    private static @Nullable FileLock machineLock;

    private final Process process;
    private final Path home;
    private final @Nullable String tcpHost;
    private final boolean createdBridge;
    private final Thread onExit = new Thread(this::close, "dockerd-cleanup");
    private boolean closed;

    private DockerEngine(Process process, Path home, int tcpPort, boolean createdBridge) {
        this.process = process;
        this.home = home;
        this.tcpHost = tcpPort == 0 ? null : "tcp://127.0.0.1:" + tcpPort;
        this.createdBridge = createdBridge;
    }

    /** An engine on a unix socket only. */
    public static DockerEngine start() {
        return start(false);
    }

    /**
     * Starts {@code dockerd} and waits until {@code /_ping} answers; with {@code tcp}, it also listens on a
     * free {@code 127.0.0.1} port without TLS (see {@link #tcpHost()}). Skips the test (fails it in CI) when
     * {@code dockerd} is missing, and skips it when not run as root.
     */
    public static DockerEngine start(boolean tcp) {
        Path dockerd = Programs.require("dockerd", "docker.io");
        Assumptions.assumeTrue(Daemons.isRoot(), "dockerd needs root; run the Docker tests as root");
        try {
            if (!ONE_AT_A_TIME.tryAcquire(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("another DockerEngine of this JVM was not closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for another DockerEngine", e);
        }
        Path home = null;
        try {
            lockMachine();
            home = Files.createTempDirectory("catapult-dockerd-");
            Files.writeString(home.resolve("daemon.json"), "{}");
            int port = tcp ? Ports.freeLoopbackPort() : 0;
            boolean bridgeExisted = Files.exists(Path.of("/sys/class/net/docker0"));
            List<String> command = new ArrayList<>(List.of(
                    dockerd.toString(),
                    "--host",
                    "unix://" + home.resolve("docker.sock"),
                    "--data-root",
                    home.resolve("data").toString(),
                    "--exec-root",
                    home.resolve("exec").toString(),
                    "--pidfile",
                    home.resolve("dockerd.pid").toString(),
                    "--config-file",
                    home.resolve("daemon.json").toString(),
                    "--iptables=false",
                    "--ip6tables=false",
                    "--shutdown-timeout=2",
                    "--log-level=warn"));
            if (tcp) {
                command.add("--host");
                command.add("tcp://127.0.0.1:" + port);
            }
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("dockerd.log").toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            DockerEngine engine = new DockerEngine(process, home, port, !bridgeExisted);
            Runtime.getRuntime().addShutdownHook(engine.onExit); // a JVM ended early still stops its dockerd
            engine.awaitReady();
            return engine;
        } catch (IOException e) {
            if (home != null) {
                TempTrees.delete(home);
            }
            unlockMachine();
            ONE_AT_A_TIME.release();
            throw new UncheckedIOException("could not start dockerd", e);
        }
    }

    /** Waits until no other JVM on this machine runs a test engine, then holds the machine lock. */
    private static void lockMachine() throws IOException {
        FileChannel channel = FileChannel.open(MACHINE_LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lockChannel = channel;
        long deadline = System.nanoTime() + MACHINE_LOCK_WAIT.toNanos();
        while ((machineLock = channel.tryLock()) == null) {
            if (System.nanoTime() > deadline) {
                channel.close();
                throw new IOException(
                        "another test JVM kept its dockerd for " + MACHINE_LOCK_WAIT + " (" + MACHINE_LOCK + ")");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                channel.close();
                throw new IOException("interrupted while waiting for the dockerd machine lock", e);
            }
        }
    }

    private static void unlockMachine() {
        try {
            if (machineLock != null) {
                machineLock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // the lock goes with the channel; nothing else to free
        } finally {
            machineLock = null;
            lockChannel = null;
        }
    }

    /** {@code unix:///…/docker.sock}: the engine's API, as a deployer's {@code host} setting. */
    public String host() {
        return "unix://" + socket();
    }

    public Path socket() {
        return home.resolve("docker.sock");
    }

    /** {@code tcp://127.0.0.1:<port>}, for an engine started with {@code tcp}. */
    public String tcpHost() {
        if (tcpHost == null) {
            throw new IllegalStateException("this engine was started without a TCP listener");
        }
        return tcpHost;
    }

    /** The engine's log so far (warnings and errors): attach it to a failure message. */
    public String log() {
        return LogFiles.read(home.resolve("dockerd.log"));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // SIGTERM: dockerd stops its containers (killing them after 2 s) and its containerd
            Processes.stop(process, Duration.ofSeconds(30));
            killLeftovers();
        } finally {
            Daemons.cleanUp(home, onExit);
            if (createdBridge) {
                Daemons.run(List.of("ip", "link", "delete", "docker0"), Map.of());
            }
            unlockMachine();
            ONE_AT_A_TIME.release();
        }
    }

    private void awaitReady() {
        Daemons.awaitPing("dockerd", process, socket(), STARTUP, this::log, this::close);
    }

    /** containerd and its shims outlive a dockerd that had to be killed: end those that name our directory. */
    private void killLeftovers() {
        String marker = home.toString();
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
        leftovers.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : leftovers) {
            try {
                p.onExit().get(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            } catch (ExecutionException | TimeoutException e) {
                p.destroyForcibly();
            }
        }
    }
}
