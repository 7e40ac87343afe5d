package dev.catapult.job;

import dev.catapult.platform.Wakeups;
import org.springframework.stereotype.Component;

/**
 * The job worker's wake-ups, a bean of its own so {@link JobQueue} can wake the worker without depending on
 * it (the worker depends on the handlers, which enqueue jobs).
 */
@Component
class JobWakeups {
    private final Wakeups wakeups = new Wakeups();

    void wake() {
        wakeups.wake();
    }

    Wakeups wakeups() {
        return wakeups;
    }
}
