package dev.catapult.bench.poll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * How much the server wrote to its embedded PostgreSQL: the WAL position ({@code pg_current_wal_lsn()}, in
 * bytes), read with {@code psql} on 127.0.0.1 at the port in the postmaster's pid file. An idle poll cycle
 * that changes nothing should write nothing. Optional: without {@code psql} (or an external database) every
 * reading is {@code -1} and the report says "n/a".
 */
final class WalProbe {
    private final Path pidFile;
    private final @Nullable String psql;

    WalProbe(Path serverDataDir) {
        this.pidFile = serverDataDir.resolve("postgres").resolve("postmaster.pid");
        this.psql = List.of("/usr/bin/psql", "/usr/local/bin/psql").stream()
                .filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst()
                .orElse(null);
    }

    /** The current WAL position in bytes, or -1 when it cannot be read. */
    long walBytes() {
        if (psql == null) {
            return -1;
        }
        try {
            List<String> pid = Files.readAllLines(pidFile);
            if (pid.size() < 4) {
                return -1;
            }
            String port = pid.get(3).strip();
            Process p = new ProcessBuilder(
                            psql,
                            "-X",
                            "-q",
                            "-t",
                            "-A",
                            "-h",
                            "127.0.0.1",
                            "-p",
                            port,
                            "-U",
                            "postgres",
                            "-d",
                            "postgres",
                            "-c",
                            "select pg_current_wal_lsn() - '0/0'")
                    .redirectErrorStream(true)
                    .start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return -1;
            }
            return Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
