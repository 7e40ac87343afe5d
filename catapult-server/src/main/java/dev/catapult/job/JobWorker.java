package dev.catapult.job;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs jobs on this server: claims ready jobs (and jobs whose worker stopped renewing its lease) with
 * {@code FOR UPDATE SKIP LOCKED}, runs their handler on a virtual thread (a bounded number at once), renews
 * the leases of its running jobs every round, and records success, a retry with exponential back-off, or
 * the final failure.
 */
@Component
class JobWorker implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(JobWorker.class);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final JsonMapper json;
  private final Clock clock;
  private final JobWakeups wakeups;
  private final Map<String, JobHandler> handlers;
  private final Semaphore slots;
  private final long pollMillis;
  private final Duration lease;
  private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  private volatile boolean running;
  private Instant lastRenewal;
  private Thread loop;
  private ExecutorService executor;

  JobWorker(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json, Clock clock, JobWakeups wakeups, List<JobHandler> handlers,
      @Value("${catapult.jobs.concurrency:4}") int concurrency,
      @Value("${catapult.jobs.poll-interval:500ms}") Duration pollInterval,
      @Value("${catapult.jobs.lease:60s}") Duration lease) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.json = json;
    this.clock = clock;
    this.wakeups = wakeups;
    this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
    this.slots = new Semaphore(concurrency);
    this.pollMillis = pollInterval.toMillis();
    this.lease = lease;
  }

  @Override
  public void start() {
    running = true;
    executor = Executors.newVirtualThreadPerTaskExecutor();
    loop = Thread.ofPlatform().name("job-worker").daemon().start(this::run);
  }

  @Override
  public void stop() {
    running = false;
    if (loop != null) {
      loop.interrupt();
    }
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    while (running) {
      try {
        renewLeases();
        while (running && slots.tryAcquire()) {
          Optional<Job> job = claim();
          if (job.isEmpty()) {
            slots.release();
            break;
          }
          executor.submit(() -> execute(job.get()));
        }
        wakeups.await(pollMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Job worker round failed; retrying", e);
        try {
          Thread.sleep(pollMillis);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private Optional<Job> claim() {
    return tx.execute(status -> {
      Timestamp now = Timestamp.from(clock.instant());
      Optional<Map.Entry<String, Integer>> row = jdbc.sql("""
          select id, attempts from jobs
          where (status = 'queued' and run_at <= ?) or (status = 'running' and locked_until < ?)
          order by run_at limit 1 for update skip locked
          """).params(now, now).query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).optional();
      return row.map(r -> {
        jdbc.sql("update jobs set status = 'running', attempts = attempts + 1, locked_by = ?, locked_until = ?, updated_at = ? where id = ?")
            .params(owner, Timestamp.from(clock.instant().plus(lease)), now, r.getKey()).update();
        return jdbc.sql("select id, kind, payload, attempts from jobs where id = ?").param(r.getKey())
            .query((rs, n) -> new Job(rs.getString(1), rs.getString(2), json.readValue(rs.getString(3), MAP), rs.getInt(4)))
            .single();
      });
    });
  }

  private void execute(Job job) {
    try {
      JobHandler handler = handlers.get(job.kind());
      if (handler == null) {
        finish(job, "failed", "no handler for job kind '" + job.kind() + "'", Duration.ZERO, true);
        return;
      }
      handler.run(job, progress -> saveProgress(job, progress));
      finish(job, "succeeded", null, Duration.ZERO, true);
    } catch (InterruptedException e) {
      // Shutting down: the lease lapses and a running server takes the job over.
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("Job {} ({}) attempt {} failed: {}", job.id(), job.kind(), job.attempt(), e.toString());
      finish(job, "failed", e.getClass().getSimpleName() + ": " + e.getMessage(), backoff(job.attempt()), false);
    } finally {
      slots.release();
      wakeups.wake();
    }
  }

  private void finish(Job job, String outcome, String error, Duration retryIn, boolean isFinal) {
    Timestamp now = Timestamp.from(clock.instant());
    tx.executeWithoutResult(status -> {
      int attemptsLeft = jdbc.sql("select max_attempts - attempts from jobs where id = ? and locked_by = ? for update")
          .params(job.id(), owner).query(Integer.class).optional().orElse(-1);
      if (attemptsLeft < 0) {
        return;
      }
      if (!isFinal && attemptsLeft > 0) {
        jdbc.sql("update jobs set status = 'queued', run_at = ?, error = ?, locked_by = null, locked_until = null, updated_at = ? where id = ?")
            .params(Timestamp.from(clock.instant().plus(retryIn)), error, now, job.id()).update();
      } else {
        jdbc.sql("update jobs set status = ?, error = ?, locked_by = null, locked_until = null, updated_at = ?, finished_at = ? where id = ?")
            .params(outcome, error, now, now, job.id()).update();
      }
    });
  }

  private void saveProgress(Job job, Map<String, Object> progress) {
    jdbc.sql("update jobs set progress = cast(? as jsonb), locked_until = ?, updated_at = ? where id = ? and locked_by = ?")
        .params(json.writeValueAsString(progress), Timestamp.from(clock.instant().plus(lease)), Timestamp.from(clock.instant()),
            job.id(), owner)
        .update();
  }

  /** Renews this worker's leases a few times per lease, not on every wake-up (which would write per job). */
  private void renewLeases() {
    Instant now = clock.instant();
    if (lastRenewal != null && now.isBefore(lastRenewal.plus(lease.dividedBy(4)))) {
      return;
    }
    lastRenewal = now;
    jdbc.sql("update jobs set locked_until = ? where status = 'running' and locked_by = ?")
        .params(Timestamp.from(now.plus(lease)), owner).update();
  }

  private static Duration backoff(int attempt) {
    return Duration.ofSeconds(Math.min(300, 2L << Math.min(attempt, 8)));
  }
}
