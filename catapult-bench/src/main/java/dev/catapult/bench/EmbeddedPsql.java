package dev.catapult.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Read-only queries against a server's embedded PostgreSQL with {@code psql} (127.0.0.1, the port in the
 * postmaster's pid file, user and database {@code postgres}), for figures the server does not report itself.
 * Optional: without {@code psql} (or with an external database) it is not {@link #available()}.
 */
public final class EmbeddedPsql {
    private final Path pidFile;
    private final @Nullable String psql;

    /** For the server whose data directory is {@code serverDataDir}. */
    public EmbeddedPsql(Path serverDataDir) {
        this.pidFile = serverDataDir.resolve("postgres").resolve("postmaster.pid");
        this.psql = List.of("/usr/bin/psql", "/usr/local/bin/psql").stream()
                .filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst()
                .orElse(null);
    }

    public boolean available() {
        return psql != null && Files.isRegularFile(pidFile);
    }

    /** The rows of {@code sql}, columns split at tabs; fails when psql does. */
    public List<String[]> query(String sql) throws IOException, InterruptedException {
        if (!available()) {
            throw new IllegalStateException("psql or the embedded PostgreSQL's pid file is missing");
        }
        List<String> pid = Files.readAllLines(pidFile);
        if (pid.size() < 4) {
            throw new IllegalStateException("the postmaster's pid file names no port yet");
        }
        String port = pid.get(3).strip();
        String psql = java.util.Objects.requireNonNull(this.psql); // available() checked it
        Process p = new ProcessBuilder(
                        psql,
                        "-X",
                        "-q",
                        "-t",
                        "-A",
                        "-F",
                        "\t",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        port,
                        "-U",
                        "postgres",
                        "-d",
                        "postgres",
                        "-c",
                        sql)
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("psql failed: " + err.strip());
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }
}
