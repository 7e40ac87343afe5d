package dev.catapult.bench.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Where the time between a notification and its deploy went, read after the run from the server's embedded
 * PostgreSQL with {@code psql} (127.0.0.1, the port in the postmaster's pid file, user and database
 * {@code postgres}): when intake archived each event ({@code registry_events.received_at}) and when each job
 * of the chain was queued and finished ({@code jobs}). Read-only and after the measured stream, so it
 * changes nothing that was measured. Optional: without {@code psql} the report leaves the breakdown out.
 */
final class StageProbe {
    /** An archived notification event. */
    record Event(String repository, String tag, Instant receivedAt) {}

    /**
     * A job of the chain: {@code trigger} is the payload's trigger or source, with {@code (follow-up)} for an
     * evaluation queued behind a running one ({@code WatchEvaluations.request}); {@code subject} is
     * {@code repository:tag} (resolve), {@code repository@digest} (scan) or the app id (evaluate).
     */
    record JobRow(
            String kind,
            String subject,
            String trigger,
            String status,
            int attempts,
            Instant createdAt,
            Instant runAt,
            Optional<Instant> finishedAt) {}

    /** An app's database id, to match {@code evaluate-watch} jobs (keyed by app id) to apps. */
    record AppRow(long id, String name) {}

    /** PostgreSQL's cumulative counters: committed transactions of the server's database, WAL records and WAL fsyncs. */
    record Counters(long commits, long walRecords, long walSyncs) {
        Counters minus(Counters o) {
            return new Counters(commits - o.commits, walRecords - o.walRecords, walSyncs - o.walSyncs);
        }
    }

    private final Path pidFile;
    private final @Nullable String psql;

    StageProbe(Path serverDataDir) {
        this.pidFile = serverDataDir.resolve("postgres").resolve("postmaster.pid");
        this.psql = List.of("/usr/bin/psql", "/usr/local/bin/psql").stream()
                .filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst()
                .orElse(null);
    }

    boolean available() {
        return psql != null && Files.isRegularFile(pidFile);
    }

    List<Event> events() throws IOException, InterruptedException {
        List<Event> out = new ArrayList<>();
        for (String[] r : query("select repository, tag, " + micros("received_at")
                + " from registry_events where action = 'push' and tag is not null")) {
            out.add(new Event(r[0], r[1], instant(r[2])));
        }
        return out;
    }

    List<JobRow> jobs() throws IOException, InterruptedException {
        List<JobRow> out = new ArrayList<>();
        for (String[] r : query("""
        select kind,
               case kind when 'resolve-tag' then (payload->>'repository') || ':' || (payload->>'tag')
                         when 'scan-artifact' then (payload->>'repository') || '@' || (payload->>'digest')
                         else coalesce(payload->>'appId', '') end,
               coalesce(payload->>'trigger', payload->>'source', '')
                 || case when dedupe_key like '%%:next' then ' (follow-up)' else '' end, status, attempts,
               %s, %s, coalesce(%s::text, '')
        from jobs where kind in ('resolve-tag', 'scan-artifact', 'evaluate-watch')
        """.formatted(micros("created_at"), micros("run_at"), micros("finished_at")))) {
            out.add(new JobRow(
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    Integer.parseInt(r[4]),
                    instant(r[5]),
                    instant(r[6]),
                    r[7].isEmpty() ? Optional.empty() : Optional.of(instant(r[7]))));
        }
        return out;
    }

    /** The counters now, or empty when they cannot be read (they are context, never a reason to fail the run). */
    Optional<Counters> counters() {
        try {
            String[] r = query("select (select xact_commit from pg_stat_database where datname = current_database()), "
                            + "wal_records, wal_sync from pg_stat_wal")
                    .getFirst();
            return Optional.of(new Counters(Long.parseLong(r[0]), Long.parseLong(r[1]), Long.parseLong(r[2])));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    List<AppRow> apps() throws IOException, InterruptedException {
        List<AppRow> out = new ArrayList<>();
        for (String[] r : query("select id, name from apps")) {
            out.add(new AppRow(Long.parseLong(r[0]), r[1]));
        }
        return out;
    }

    private static String micros(String column) {
        return "(extract(epoch from " + column + ") * 1000000)::bigint";
    }

    private static Instant instant(String micros) {
        long us = Long.parseLong(micros.strip());
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000), Math.floorMod(us, 1_000_000) * 1000L);
    }

    private List<String[]> query(String sql) throws IOException, InterruptedException {
        if (!available()) {
            throw new IllegalStateException("psql or the embedded PostgreSQL's pid file is missing");
        }
        List<String> pid = Files.readAllLines(pidFile);
        String port = pid.get(3).strip();
        Process p = new ProcessBuilder(
                        Objects.requireNonNull(psql), // available() checked
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
