package dev.catapult.deploy;

import dev.catapult.platform.CatapultProperties;
import java.lang.management.ManagementFactory;
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
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs deploys on this replica: claims work from the database, dispatches it to the deployer on a virtual
 * thread (at most {@value #MAX_CONCURRENT} at once), records the outcome, and fails deploys past their
 * deadline. Wakes at once when this replica accepts a deploy, and polls for work other replicas accepted.
 */
@Component
class DeployWorker implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(DeployWorker.class);
  private static final int MAX_CONCURRENT = 16;

  private final DeployClaims claims;
  private final Map<String, Deployer> deployers;
  private final long pollMillis;
  private final String owner;
  private final Semaphore wakeUp = new Semaphore(0);
  private final Semaphore slots = new Semaphore(MAX_CONCURRENT);
  private volatile boolean running;
  private final long renewEveryNanos;
  private long lastRenewalNanos = Long.MIN_VALUE / 2;
  private Thread loop;
  private ExecutorService executor;

  DeployWorker(DeployClaims claims, List<Deployer> deployers, CatapultProperties props) {
    this.claims = claims;
    this.deployers = deployers.stream().collect(Collectors.toMap(Deployer::type, Function.identity()));
    this.pollMillis = props.deploys().pollInterval().toMillis();
    this.renewEveryNanos = props.deploys().lease().dividedBy(4).toNanos();
    this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Asks the loop to look for work now (called after a deploy is committed). */
  void wake() {
    wakeUp.release();
  }

  @Override
  public void start() {
    running = true;
    executor = Executors.newVirtualThreadPerTaskExecutor();
    loop = Thread.ofPlatform().name("deploy-worker").daemon().start(this::run);
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
        renewLeasesPeriodically();
        claims.expire();
        while (running && slots.tryAcquire()) {
          Optional<DeployTask> task = claims.claim(owner);
          if (task.isEmpty()) {
            slots.release();
            break;
          }
          executor.submit(() -> execute(task.get()));
        }
        wakeUp.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
        wakeUp.drainPermits();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Deploy worker round failed; retrying", e);
        sleepQuietly();
      }
    }
  }

  /** A few renewals per lease suffice; renewing on every wake-up would write once per finished deploy. */
  private void renewLeasesPeriodically() {
    long now = System.nanoTime();
    if (now - lastRenewalNanos >= renewEveryNanos) {
      lastRenewalNanos = now;
      claims.renewLeases(owner);
    }
  }

  private void execute(DeployTask task) {
    try {
      Deployer deployer = deployers.get(task.deployer().type());
      DispatchOutcome outcome = deployer == null
          ? new DispatchOutcome.Failed("no deployer of type '" + task.deployer().type() + "' on this server", null)
          : deployer.dispatch(task);
      claims.complete(task, owner, outcome);
    } catch (InterruptedException e) {
      // Shutting down: the lease runs out and another replica (or this one, restarted) dispatches again.
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("Deploy {} failed to dispatch", task.id(), e);
      claims.complete(task, owner, new DispatchOutcome.Failed("deployer error: " + e.getClass().getSimpleName(), null));
    } finally {
      slots.release();
      wake();
    }
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(pollMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
