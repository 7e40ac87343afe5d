package dev.catapult.platform;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A worker that claims work from the database and runs it on virtual threads: each round it renews its
 * leases (a few times per lease), does its housekeeping, claims as much work as it has free slots, then
 * waits for a wake-up or the poll interval. Subclasses say how to claim and run one piece of work; leases,
 * retries and outcomes stay in the database, so a stopped worker loses nothing (I3).
 */
public abstract class ClaimLoop<T> implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ClaimLoop.class);

    /** This server's identity in lease columns. */
    protected final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    private final String name;
    private final Semaphore slots;
    private final long pollMillis;
    private final long renewEveryNanos;
    private final Wakeups wakeups;
    private long lastRenewal = Long.MIN_VALUE / 2;
    private volatile boolean running;
    // set by start()
    private @Nullable Thread loop;
    private @Nullable ExecutorService executor;

    protected ClaimLoop(String name, int concurrency, Duration pollInterval, Duration lease, Wakeups wakeups) {
        this.name = name;
        this.slots = new Semaphore(concurrency);
        this.pollMillis = pollInterval.toMillis();
        this.renewEveryNanos = lease.dividedBy(4).toNanos();
        this.wakeups = wakeups;
    }

    /** Claims one piece of work, if any is ready. */
    protected abstract Optional<T> claim();

    /** Runs one claimed piece of work to its recorded outcome; InterruptedException means shutting down. */
    protected abstract void execute(T work) throws InterruptedException;

    /** Extends the leases of the work this worker is running. */
    protected abstract void renewLeases();

    /** Anything else to do every round (expiring deadlines…). */
    protected void housekeeping() {}

    /** Looks for work now. */
    public void wake() {
        wakeups.wake();
    }

    @Override
    public void start() {
        running = true;
        executor = Executors.newVirtualThreadPerTaskExecutor();
        loop = Thread.ofPlatform().name(name).daemon().start(this::run);
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
                // A few renewals per lease suffice; renewing on every wake-up would write once per finished item.
                if (System.nanoTime() - lastRenewal >= renewEveryNanos) {
                    lastRenewal = System.nanoTime();
                    renewLeases();
                }
                housekeeping();
                while (running && slots.tryAcquire()) {
                    Optional<T> work = claim();
                    if (work.isEmpty()) {
                        slots.release();
                        break;
                    }
                    Objects.requireNonNull(executor).submit(() -> runOne(work.get()));
                }
                wakeups.await(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("{} round failed; retrying", name, e);
                try {
                    Thread.sleep(pollMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void runOne(T work) {
        try {
            execute(work);
        } catch (InterruptedException e) {
            // Shutting down: the lease runs out and a running server takes the work over.
            Thread.currentThread().interrupt();
        } finally {
            slots.release();
            wakeups.wake();
        }
    }
}
