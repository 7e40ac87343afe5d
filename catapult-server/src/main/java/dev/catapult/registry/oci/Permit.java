package dev.catapult.registry.oci;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/** One slot of a registry's concurrency bound; released exactly once however many paths release it. */
final class Permit {
    private final Semaphore slots;
    private final AtomicBoolean held = new AtomicBoolean(true);

    private Permit(Semaphore slots) {
        this.slots = slots;
    }

    static Permit acquire(Semaphore slots, String what) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            throw Failures.interrupted(what);
        }
        return new Permit(slots);
    }

    void release() {
        if (held.compareAndSet(true, false)) {
            slots.release();
        }
    }
}
