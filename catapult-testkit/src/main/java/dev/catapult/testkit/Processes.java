package dev.catapult.testkit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping the programs the kit started. */
public final class Processes {
    private Processes() {}

    /**
     * SIGTERM, then SIGKILL if {@code process} has not exited within {@code grace}. An interrupt kills it at once
     * and is kept (the thread stays interrupted).
     */
    public static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
