package dev.catapult.platform;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Lets code that just committed work wake the worker that will pick it up, instead of its next poll. */
public final class Wakeups {
    private final Semaphore signal = new Semaphore(0);

    public void wake() {
        signal.release();
    }

    /** Waits until woken or {@code millis} pass; wake-ups that arrived meanwhile count as one. */
    void await(long millis) throws InterruptedException {
        signal.tryAcquire(millis, TimeUnit.MILLISECONDS);
        signal.drainPermits();
    }
}
