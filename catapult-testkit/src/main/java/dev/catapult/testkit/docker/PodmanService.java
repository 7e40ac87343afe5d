package dev.catapult.testkit.docker;

import dev.catapult.testkit.LogFiles;
import dev.catapult.testkit.Processes;
import dev.catapult.testkit.Programs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Podman's Docker-compatible API for tests: {@code podman system service} (package {@code podman}) run as root on
 * a private socket, with its own storage root, run root and temp dir under a temp directory and its own
 * {@code containers.conf} and {@code registries.conf} (the given registries are plain http, as Docker treats
 * loopback ones). {@link #close()} removes every container it ran, stops the service, unmounts its storage and
 * deletes the directory.
 *
 * <pre>{@code
 * try (PodmanService podman = PodmanService.start(registry.host())) {
 *   ... podman.host() ...   // "unix:///tmp/catapult-podman-…/podman.sock"
 * }
 * }</pre>
 */
public final class PodmanService implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Path program;
    private final Process process;
    private final Path home;
    private final Thread onExit = new Thread(this::close, "podman-cleanup");
    private boolean closed;

    private PodmanService(Path program, Process process, Path home) {
        this.program = program;
        this.process = process;
        this.home = home;
    }

    /** Starts the service and waits until {@code /_ping} answers; skips the test (fails it in CI) without podman. */
    public static PodmanService start(String... insecureRegistries) {
        Path podman = Programs.require("podman", "podman");
        Assumptions.assumeTrue(Daemons.isRoot(), "the Podman tests run rootful podman; run them as root");
        Path home;
        try {
            home = Files.createTempDirectory("catapult-podman-");
            // Podman asks for 1048576 open files and processes by default; a sandbox's hard limits may be lower.
            Files.writeString(home.resolve("containers.conf"), """
          [containers]
          default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
          """);
            StringBuilder registries = new StringBuilder("unqualified-search-registries = []\n");
            for (String registry : insecureRegistries) {
                registries
                        .append("[[registry]]\nlocation = \"")
                        .append(registry)
                        .append("\"\ninsecure = true\n");
            }
            Files.writeString(home.resolve("registries.conf"), registries);
            ProcessBuilder builder = new ProcessBuilder(command(
                            podman, home, "system", "service", "--time=0", "unix://" + home.resolve("podman.sock")))
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("podman.log").toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment(home));
            PodmanService service = new PodmanService(podman, builder.start(), home);
            Runtime.getRuntime().addShutdownHook(service.onExit);
            service.awaitReady();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start podman", e);
        }
    }

    /** {@code unix:///…/podman.sock}: the API, as a deployer's {@code host} setting. */
    public String host() {
        return "unix://" + home.resolve("podman.sock");
    }

    /** The service's log so far: attach it to a failure message. */
    public String log() {
        return LogFiles.read(home.resolve("podman.log"));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // Podman's containers outlive the service (conmon runs them): remove them first.
            Daemons.run(command(program, home, "rm", "--all", "--force", "--time", "0"), environment(home));
            Processes.stop(process, Duration.ofSeconds(10));
        } finally {
            Daemons.cleanUp(home, onExit);
        }
    }

    private static List<String> command(Path podman, Path home, String... args) {
        List<String> command = new ArrayList<>(List.of(
                podman.toString(),
                "--root",
                home.resolve("storage").toString(),
                "--runroot",
                home.resolve("run").toString(),
                "--tmpdir",
                home.resolve("tmp").toString(),
                "--cgroup-manager",
                "cgroupfs",
                "--events-backend",
                "file"));
        command.addAll(List.of(args));
        return command;
    }

    /** Its own configuration, and none of the machine's registry logins. */
    private static Map<String, String> environment(Path home) {
        return Map.of(
                "CONTAINERS_CONF",
                home.resolve("containers.conf").toString(),
                "CONTAINERS_REGISTRIES_CONF",
                home.resolve("registries.conf").toString(),
                "REGISTRY_AUTH_FILE",
                "/nonexistent/catapult-test-auth.json");
    }

    private void awaitReady() {
        Daemons.awaitPing(
                "podman system service", process, home.resolve("podman.sock"), STARTUP, this::log, this::close);
    }
}
