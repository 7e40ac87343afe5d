package dev.catapult.job;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Wakes this server's job worker when it enqueues work, so it need not wait for the next poll. */
@Component
class JobWakeups {
  private final Semaphore signal = new Semaphore(0);

  void wake() {
    signal.release();
  }

  void await(long millis) throws InterruptedException {
    signal.tryAcquire(millis, TimeUnit.MILLISECONDS);
    signal.drainPermits();
  }
}
