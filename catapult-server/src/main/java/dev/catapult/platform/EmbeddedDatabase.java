package dev.catapult.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An embedded PostgreSQL (real binaries from Maven Central) keeping its data in the data directory. */
final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private final @Nullable EmbeddedPostgres postgres;

    private EmbeddedDatabase(@Nullable EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase none() {
        return new EmbeddedDatabase(null);
    }

    static EmbeddedDatabase start(Path dataDir) {
        try {
            Path pgData = dataDir.toAbsolutePath().resolve("postgres");
            Files.createDirectories(pgData);
            log.info("Starting embedded PostgreSQL with data in {}", pgData);
            stopOrphanedPostmaster(pgData);
            // The library's defaults suit throw-away test databases (fsync off, asynchronous commit); a ledger
            // must not lose an acknowledged write, so durability is switched back on. Spring stops the
            // database after the connection pool has closed, instead of a JVM hook racing the graceful shutdown.
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .start();
            return new EmbeddedDatabase(pg);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not start the embedded PostgreSQL under " + dataDir
                            + " (set CATAPULT_DATABASE_URL to use an external one)",
                    e);
        }
    }

    /**
     * A server killed with SIGKILL leaves its PostgreSQL child running on the data directory, which would
     * refuse a second postmaster. Stops that orphan (only if the pid file names a live postgres process).
     */
    private static void stopOrphanedPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(
                        Long.parseLong(lines.getFirst().strip()))
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isPresent()) {
            log.warn(
                    "Stopping PostgreSQL process {} left running on {} by an earlier server",
                    orphan.get().pid(),
                    pgData);
            orphan.get().destroy();
            try {
                orphan.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping the orphaned PostgreSQL", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException(
                        "could not stop PostgreSQL process " + orphan.get().pid() + " on " + pgData, e);
            }
        }
    }

    String jdbcUrl() {
        if (postgres == null) {
            throw new IllegalStateException("no embedded database");
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
