package dev.catapult.deploy.nomad;

import java.time.Duration;
import java.util.Locale;

/**
 * The time one dispatch may take, measured on the monotonic clock: the wall clock only fixes the budget at the
 * start (from the deploy's deadline), so a clock step cannot stretch or cut a rollout short.
 */
final class Budget {
    private final Duration total;
    private final long endNanos;

    Budget(Duration total) {
        this.total = total.isNegative() ? Duration.ZERO : total;
        this.endNanos = System.nanoTime() + this.total.toNanos();
    }

    Duration total() {
        return total;
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** Sleeps for {@code pause}, or until the budget runs out if that comes first. */
    void sleep(Duration pause) throws InterruptedException {
        Duration d = pause.compareTo(remaining()) < 0 ? pause : remaining();
        if (d.isPositive()) {
            Thread.sleep(d);
        }
    }

    /** {@code 2s}, {@code 10m}, {@code 1h30m}: how durations read in messages. */
    static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
