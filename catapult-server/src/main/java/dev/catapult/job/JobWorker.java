package dev.catapult.job;

import dev.catapult.platform.ClaimLoop;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs jobs on this server: claims ready jobs (and jobs whose worker stopped renewing its lease) with
 * {@code FOR UPDATE SKIP LOCKED}, runs their handler, and records success, a retry with exponential back-off,
 * or the final failure.
 */
@Component
class JobWorker extends ClaimLoop<JobWorker.Claimed> {
    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, JobHandler<?>> handlers;
    private final Duration lease;

    JobWorker(
            JdbcClient jdbc,
            TransactionTemplate tx,
            JsonMapper json,
            Clock clock,
            JobWakeups wakeups,
            List<JobHandler<?>> handlers,
            @Value("${catapult.jobs.concurrency:4}") int concurrency,
            @Value("${catapult.jobs.poll-interval:500ms}") Duration pollInterval,
            @Value("${catapult.jobs.lease:60s}") Duration lease) {
        super("job-worker", concurrency, pollInterval, lease, wakeups.wakeups());
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.handlers = handlers.stream().collect(Collectors.toMap(h -> h.kind().name(), Function.identity()));
        this.lease = lease;
    }

    /** A claimed row; its payload is read into the handler's record only when it runs. */
    record Claimed(String id, String kind, String payload, int attempt) {}

    @Override
    protected Optional<Claimed> claim() {
        return tx.execute(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            Optional<String> id =
                    jdbc.sql("""
          select id from jobs
          where (status = 'queued' and run_at <= ?) or (status = 'running' and locked_until < ?)
          order by run_at limit 1 for update skip locked
          """).params(now, now).query(String.class).optional();
            return id.map(jobId -> {
                jdbc.sql(
                                "update jobs set status = 'running', attempts = attempts + 1, locked_by = ?, locked_until = ?, updated_at = ? where id = ?")
                        .params(owner, Timestamp.from(clock.instant().plus(lease)), now, jobId)
                        .update();
                return jdbc.sql("select id, kind, payload, attempts from jobs where id = ?")
                        .param(jobId)
                        .query((rs, n) -> new Claimed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                        .single();
            });
        });
    }

    @Override
    protected void renewLeases() {
        jdbc.sql("update jobs set locked_until = ? where status = 'running' and locked_by = ?")
                .params(Timestamp.from(clock.instant().plus(lease)), owner)
                .update();
    }

    @Override
    protected void execute(Claimed job) throws InterruptedException {
        JobHandler<?> handler = handlers.get(job.kind());
        if (handler == null) {
            finish(job, "failed", "no handler for job kind '" + job.kind() + "'", Duration.ZERO, true);
            return;
        }
        try {
            run(handler, job);
            finish(job, "succeeded", null, Duration.ZERO, true);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            log.warn("Job {} ({}) attempt {} failed: {}", job.id(), job.kind(), job.attempt(), e.toString());
            finish(job, "failed", e.getClass().getSimpleName() + ": " + e.getMessage(), backoff(job.attempt()), false);
        }
    }

    private <P extends Record> void run(JobHandler<P> handler, Claimed job) throws Exception {
        // Read inside the attempt: a payload that does not fit the record fails the attempt like any error.
        P payload = json.readValue(job.payload(), handler.kind().payloadType());
        handler.run(new Job<>(job.id(), job.kind(), payload, job.attempt()), progress -> saveProgress(job, progress));
    }

    private void finish(Claimed job, String outcome, @Nullable String error, Duration retryIn, boolean isFinal) {
        Timestamp now = Timestamp.from(clock.instant());
        tx.executeWithoutResult(status -> {
            int attemptsLeft = jdbc.sql(
                            "select max_attempts - attempts from jobs where id = ? and locked_by = ? for update")
                    .params(job.id(), owner)
                    .query(Integer.class)
                    .optional()
                    .orElse(-1);
            if (attemptsLeft < 0) {
                return;
            }
            if (!isFinal && attemptsLeft > 0) {
                jdbc.sql(
                                "update jobs set status = 'queued', run_at = ?, error = ?, locked_by = null, locked_until = null, updated_at = ? where id = ?")
                        .params(Timestamp.from(clock.instant().plus(retryIn)), error, now, job.id())
                        .update();
            } else {
                jdbc.sql(
                                "update jobs set status = ?, error = ?, locked_by = null, locked_until = null, updated_at = ?, finished_at = ? where id = ?")
                        .params(outcome, error, now, now, job.id())
                        .update();
            }
        });
    }

    private void saveProgress(Claimed job, Map<String, Object> progress) {
        jdbc.sql(
                        "update jobs set progress = cast(? as jsonb), locked_until = ?, updated_at = ? where id = ? and locked_by = ?")
                .params(
                        json.writeValueAsString(progress),
                        Timestamp.from(clock.instant().plus(lease)),
                        Timestamp.from(clock.instant()),
                        job.id(),
                        owner)
                .update();
    }

    private static Duration backoff(int attempt) {
        return Duration.ofSeconds(Math.min(300, 2L << Math.min(attempt, 8)));
    }
}
