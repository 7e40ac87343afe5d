package dev.catapult.testkit.docker;

import dev.catapult.testkit.TempTrees;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** What {@link DockerEngine} and {@link PodmanService} share: root check, readiness ping, and cleanup. */
final class Daemons {
    private Daemons() {}

    static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Whether an Engine API on {@code socket} answers {@code GET /_ping} with 200. */
    static boolean pingAnswers(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(
                    ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: engine\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer answer = ByteBuffer.allocate(64);
            while (answer.hasRemaining() && channel.read(answer) > 0) {
                // an HTTP/1.0 answer ends with the connection; its status line is all we need
            }
            return new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII)
                    .matches("(?s)HTTP/1\\.[01] 200.*");
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a cleanup command for at most 30 s, ignoring its output and failure. */
    static void run(List<String> command, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(environment);
            Process p = builder.start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // cleanup is best effort
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Unmounts what a daemon left mounted under {@code root} (overlays, namespaces), deepest first. */
    static void unmountUnder(Path root) {
        List<String> mounts = new ArrayList<>();
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/mountinfo"))) {
            lines.map(l -> l.split(" "))
                    .filter(f -> f.length > 4 && f[4].startsWith(root.toString()))
                    .forEach(f -> mounts.add(f[4]));
        } catch (IOException e) {
            return;
        }
        mounts.sort(Comparator.comparingInt(String::length).reversed());
        mounts.forEach(m -> run(List.of("umount", "-l", m), Map.of()));
    }

    /**
     * Waits until the Engine API on {@code socket} answers {@code /_ping}; if {@code process} exits first, the wait
     * times out or is interrupted, runs {@code close} and fails with {@code log}.
     */
    static void awaitPing(
            String what, Process process, Path socket, Duration startup, Supplier<String> log, Runnable close) {
        long deadline = System.nanoTime() + startup.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String text = log.get();
                close.run();
                throw new AssertionError(what + " exited " + process.exitValue() + " at start:\n" + text);
            }
            if (pingAnswers(socket)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close.run();
                throw new AssertionError("interrupted while starting " + what, e);
            }
        }
        String text = log.get();
        close.run();
        throw new AssertionError(what + " did not answer /_ping within " + startup.toSeconds() + " s:\n" + text);
    }

    /**
     * After a daemon stopped: unmounts and deletes its directory and removes its cleanup hook, unless that hook
     * is what closes it.
     */
    static void cleanUp(Path home, Thread onExit) {
        unmountUnder(home);
        TempTrees.delete(home);
        if (Thread.currentThread() != onExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
    }
}
