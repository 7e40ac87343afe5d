package dev.catapult.watch;

import dev.catapult.job.Job;
import dev.catapult.job.JobHandler;
import dev.catapult.job.JobProgress;
import dev.catapult.job.JobQueue;
import dev.catapult.targets.WatchChanged;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When to evaluate watches: after a scan or a tag move in a watched repository, after a watch, hold or
 * target changes, and every minute for every watched target (the level-triggered safety net). Each is an
 * {@code evaluate-watch} job, one queued per target, so bursts of pushes collapse into one evaluation.
 */
@Component
public class WatchEvaluations implements JobHandler {
    static final String KIND = "evaluate-watch";
    private final JobQueue jobs;
    private final JdbcClient jdbc;
    private final AutoDeploy autoDeploy;

    WatchEvaluations(JobQueue jobs, JdbcClient jdbc, AutoDeploy autoDeploy) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.autoDeploy = autoDeploy;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job, JobProgress progress) {
        autoDeploy.evaluate(
                // WatchEvaluations' enqueuers always put both ids
                ((Number) Objects.requireNonNull(job.payload().get("appId"))).longValue(),
                ((Number) Objects.requireNonNull(job.payload().get("environmentId"))).longValue(),
                job.string("trigger"));
    }

    /**
     * Queues an evaluation of one target (in the caller's transaction, or its own: the new job is only seen,
     * and its worker only woken, after commit). Requests coalesce into the queued
     * evaluation; but one already running may have read the state before this change, so then a single
     * follow-up is queued behind it — no change is ever left unevaluated.
     */
    @Transactional
    public void request(long appId, long environmentId, String trigger) {
        String key = KIND + ":" + appId + ":" + environmentId;
        Map<String, Object> payload = Map.of("appId", appId, "environmentId", environmentId, "trigger", trigger);
        String id = jobs.enqueue(KIND, key, payload, 5);
        if (jobs.get(id).status().equals("running")) {
            jobs.enqueue(KIND, key + ":next", payload, 5);
        }
    }

    /** A watch, hold or target changed (inside the changing transaction): evaluate that target. */
    @EventListener
    void on(WatchChanged change) {
        request(change.appId(), change.environmentId(), change.change());
    }

    /** Queues evaluations of every watched target whose app's image is {@code host/repository}. */
    @Transactional
    public void requestForRepository(String host, String repository, String trigger) {
        jdbc.sql("""
        select t.app_id, t.environment_id from targets t join apps a on a.id = t.app_id
        where t.watch is not null and a.archived_at is null and a.image = ?
        """)
                .param(host + "/" + repository)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list()
                .forEach(t -> request(t[0], t[1], trigger));
    }

    @Scheduled(fixedDelayString = "${catapult.watch.sweep:60s}", initialDelayString = "${catapult.watch.sweep:60s}")
    void sweep() {
        List<long[]> watched = jdbc.sql("""
        select t.app_id, t.environment_id from targets t join apps a on a.id = t.app_id
        where a.archived_at is null and (t.watch ->> 'autoDeploy')::boolean
        """)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        watched.forEach(t -> request(t[0], t[1], "sweep"));
    }
}
