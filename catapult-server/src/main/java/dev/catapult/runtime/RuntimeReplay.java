package dev.catapult.runtime;

import dev.catapult.job.Job;
import dev.catapult.job.JobHandler;
import dev.catapult.job.JobKind;
import dev.catapult.job.JobProgress;
import dev.catapult.job.JobQueue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays a runtime source's raw event archive (a job, progress at {@code GET /api/v1/admin/jobs/{id}}):
 * the state the source built — its instances, rollouts and recorded exits — is dropped and rebuilt by
 * applying every archived event again in the order it arrived, so mapping changes made since (an
 * environment that now lists the account, an app created for the repository) apply to old events too.
 * With {@code deadLetters}, the source's dead letters are tried again first (a newer server may read what
 * an older one could not); those that now go through leave the dead letters and enter the archive.
 *
 * <p>Resumable: progress records the last archived event applied, and a retried job continues after it.
 * Events arriving meanwhile are applied live as usual; applying them again later is harmless (the version
 * guard, I4). While a replay runs, the source's part of what's-running-where is incomplete.
 */
@Component
class RuntimeReplay implements JobHandler<ReplayRuntimeEvents> {
    static final String KIND = "runtime-replay";
    static final JobKind<ReplayRuntimeEvents> JOB = new JobKind<>(KIND, ReplayRuntimeEvents.class);
    private static final int BATCH = 500;

    private final RuntimeSources sources;
    private final RuntimeIntake intake;
    private final JdbcClient jdbc;
    private final JobQueue jobs;
    private final TransactionTemplate tx;

    RuntimeReplay(
            RuntimeSources sources, RuntimeIntake intake, JdbcClient jdbc, JobQueue jobs, TransactionTemplate tx) {
        this.sources = sources;
        this.intake = intake;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.tx = tx;
    }

    @Override
    public JobKind<ReplayRuntimeEvents> kind() {
        return JOB;
    }

    @Override
    public void run(Job<ReplayRuntimeEvents> job, JobProgress progress) {
        RuntimeSourceRecord source = sources.find(job.payload().source());
        boolean deadLetters = job.payload().deadLetters();
        Map<String, Object> p = new LinkedHashMap<>(jobs.progress(job.id()));
        if (!Boolean.TRUE.equals(p.get("reset"))) {
            if (deadLetters) {
                p.put("deadLettersRecovered", retryDeadLetters(source));
            }
            tx.executeWithoutResult(s -> {
                jdbc.sql("delete from instance_exits where source_id = ?")
                        .param(source.id())
                        .update();
                jdbc.sql("delete from instances where source_id = ?")
                        .param(source.id())
                        .update();
                jdbc.sql("delete from rollouts where source_id = ?")
                        .param(source.id())
                        .update();
            });
            p.put("reset", true);
            p.put("phase", "replaying");
            p.put("cursor", 0L);
            p.put("replayed", 0L);
            p.put(
                    "total",
                    jdbc.sql("select count(*) from runtime_events where source_id = ?")
                            .param(source.id())
                            .query(Long.class)
                            .single());
            progress.report(p);
        }
        // both were put at the reset, here or in an earlier run of this job
        long cursor = ((Number) Objects.requireNonNull(p.get("cursor"))).longValue();
        long replayed = ((Number) Objects.requireNonNull(p.get("replayed"))).longValue();
        while (true) {
            List<Archived> batch = jdbc.sql(
                            "select id, body::text body from runtime_events where source_id = ? and id > ? order by id limit ?")
                    .params(source.id(), cursor, BATCH)
                    .query((rs, n) -> new Archived(rs.getLong("id"), rs.getString("body")))
                    .list();
            if (batch.isEmpty()) {
                break;
            }
            for (Archived a : batch) {
                try {
                    intake.applyArchived(source, a.id(), intake.read(source, a.body()));
                } catch (UnreadableEvent e) {
                    // archived by an older reader that understood it; note why it no longer applies and go on
                    jdbc.sql("update runtime_events set outcome = ? where id = ?")
                            .params("unreadable on replay: " + e.getMessage(), a.id())
                            .update();
                }
                replayed++;
            }
            cursor = batch.getLast().id();
            p.put("cursor", cursor);
            p.put("replayed", replayed);
            progress.report(p);
        }
        p.put("phase", "done");
        progress.report(p);
    }

    private record Archived(long id, String body) {}

    /** Tries each dead letter of {@code source} again; returns how many went through. */
    private long retryDeadLetters(RuntimeSourceRecord source) {
        long recovered = 0;
        List<Archived> letters = jdbc.sql("select id, body from runtime_dead_letters where source_id = ? order by id")
                .param(source.id())
                .query((rs, n) -> new Archived(rs.getLong("id"), rs.getString("body")))
                .list();
        for (Archived letter : letters) {
            try {
                tx.executeWithoutResult(s -> {
                    intake.accept(source, letter.body());
                    jdbc.sql("delete from runtime_dead_letters where id = ?")
                            .param(letter.id())
                            .update();
                });
                recovered++;
            } catch (UnreadableEvent e) {
                jdbc.sql("update runtime_dead_letters set reason = ? where id = ?")
                        .params(e.getMessage(), letter.id())
                        .update();
            }
        }
        return recovered;
    }
}
