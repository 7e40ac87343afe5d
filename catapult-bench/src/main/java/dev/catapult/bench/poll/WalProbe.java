package dev.catapult.bench.poll;

import dev.catapult.bench.EmbeddedPsql;
import java.io.IOException;
import java.nio.file.Path;

/**
 * How much the server wrote to its embedded PostgreSQL: the WAL position ({@code pg_current_wal_lsn()}, in
 * bytes), read with {@code psql} on 127.0.0.1 at the port in the postmaster's pid file. An idle poll cycle
 * that changes nothing should write nothing. Optional: without {@code psql} (or an external database) every
 * reading is {@code -1} and the report says "n/a".
 */
final class WalProbe {
    private final EmbeddedPsql psql;

    WalProbe(Path serverDataDir) {
        this.psql = new EmbeddedPsql(serverDataDir);
    }

    /** The current WAL position in bytes, or -1 when it cannot be read. */
    long walBytes() {
        if (!psql.available()) {
            return -1;
        }
        try {
            return Long.parseLong(psql.query("select pg_current_wal_lsn() - '0/0'")
                    .getFirst()[0]
                    .strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
